package id.kotacerdas.notification.delivery;

import java.util.List;

/** What a channel made of one send. */
public sealed interface SendOutcome {

    List<Attempt> answers();

    /** A provider accepted the message. */
    record Accepted(String provider, int parts, List<String> messageIds, List<Attempt> answers) implements SendOutcome {
    }

    /** No provider accepted it, and none can have sent it: the next channel may be tried. */
    record Refused(String reason, List<Attempt> answers) implements SendOutcome {
    }

    /** A provider may or may not have sent it (timeout, some parts accepted): never sent again, anywhere. */
    record Unknown(String reason, List<Attempt> answers) implements SendOutcome {
    }
}
