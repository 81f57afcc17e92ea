package id.kotacerdas.notification.delivery;

import java.time.Instant;

/**
 * One thing that happened while delivering: a provider's answer, a receipt, a skipped provider.
 *
 * @param at       when
 * @param provider the provider (SMPP provider name, {@code smtp}), or null for the service's own decisions
 * @param outcome  {@code started}, {@code accepted}, {@code rejected}, {@code circuit-open}, {@code throttled},
 *                 {@code busy}, {@code unavailable}, {@code timeout}, {@code receipt}, {@code skipped}, {@code interrupted}
 * @param detail   the provider's answer: command status, message ids, receipt state, error text
 */
public record Attempt(Instant at, String provider, String outcome, String detail) {

    public static Attempt of(String provider, String outcome, String detail) {
        return new Attempt(Instant.now(), provider, outcome, detail);
    }
}
