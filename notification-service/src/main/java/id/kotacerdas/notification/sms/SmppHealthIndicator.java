package id.kotacerdas.notification.sms;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/smpp}: UP while at least one SMPP provider is bound. Not part of readiness:
 * requests are still accepted and queued while every SMSC is away (and e-mail may still work).
 */
@Component("smpp")
public class SmppHealthIndicator implements HealthIndicator {

    private final SmsSender sender;

    public SmppHealthIndicator(SmsSender sender) {
        this.sender = sender;
    }

    @Override
    public Health health() {
        Map<String, Boolean> bindings = sender.bindings();
        Health.Builder health = bindings.containsValue(true) ? Health.up() : Health.down();
        bindings.forEach((provider, bound) -> health.withDetail(provider, bound ? "bound" : "not bound"));
        return health.build();
    }
}
