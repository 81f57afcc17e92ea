package id.kotacerdas.localstack.sinks;

import java.time.Instant;

/**
 * One SMS as the sinks view shows it: {@code outbound} was sent by the platform to a citizen through the
 * SMSC; {@code inbound} was injected as if a citizen had texted the platform.
 */
public record SmsItem(String id, Instant receivedAt, String direction, String from, String to, String text, int parts) {

    public static final String OUTBOUND = "outbound";
    public static final String INBOUND = "inbound";
}
