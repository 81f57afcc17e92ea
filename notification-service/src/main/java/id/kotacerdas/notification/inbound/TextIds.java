package id.kotacerdas.notification.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ids of single-part texts that let a text the SMSC delivers again be known. SMPP gives a mobile-originated message
 * no id of its own, and an SMSC delivers it again when our {@code deliver_sm_resp} did not reach it (a crash after the
 * text was stored, a dropped session). So a text's id is derived from its sender, receiving number and words and the
 * window of {@code repeat-window} it arrived in: the same text from the same number within one window, or in the next
 * one, is the same message (at least a window apart, at most two). A window of zero gives every text an id of its own.
 */
final class TextIds {

    private final long windowMillis;

    TextIds(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /** The id this text takes when it arrives {@code at}, then the id it took if it arrived in the window before. */
    List<String> of(String sender, String to, String text, Instant at) {
        if (windowMillis <= 0) {
            return List.of(UUID.randomUUID().toString());
        }
        long window = Math.floorDiv(at.toEpochMilli(), windowMillis);
        return List.of(id(sender, to, text, window), id(sender, to, text, window - 1));
    }

    private static String id(String sender, String to, String text, long window) {
        return UUID.nameUUIDFromBytes(String.join("\n", "sms", sender, String.valueOf(to), String.valueOf(text),
                Long.toString(window)).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
