package id.kotacerdas.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.ProblemException;

/** The webhook's shared secret, checked before anything is handled (so no intake is needed here). */
class SmsWebhookSecretTest {

    private static final SmsWebhookController.InboundMessage INVALID =
            new SmsWebhookController.InboundMessage("id-1", "not a number", "1708", null, Instant.now());

    @Test
    void theRightSecretLetsAGatewayWithoutAnApiKeyIn() {
        SmsWebhookController webhook = new SmsWebhookController(null, withSecret("s3cret-value"));
        // past the secret, the body is checked: proof the anonymous caller was let in
        assertThatThrownBy(() -> webhook.inbound(INVALID, Caller.ANONYMOUS, "s3cret-value"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aWrongSecretIs401() {
        SmsWebhookController webhook = new SmsWebhookController(null, withSecret("s3cret-value"));
        assertThatThrownBy(() -> webhook.inbound(INVALID, Caller.ANONYMOUS, "guess"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(401));
    }

    @Test
    void withoutAConfiguredSecretAnySecretIsIgnoredAndTheOperatorRoleIsNeeded() {
        SmsWebhookController webhook = new SmsWebhookController(null, withSecret(""));
        assertThatThrownBy(() -> webhook.inbound(INVALID, Caller.ANONYMOUS, ""))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(401));
    }

    private static SmsIntakeProperties withSecret(String secret) {
        SmsIntakeProperties properties = new SmsIntakeProperties();
        properties.setWebhookSecret(secret);
        return properties;
    }
}
