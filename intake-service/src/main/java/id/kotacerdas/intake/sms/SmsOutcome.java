package id.kotacerdas.intake.sms;

/** What an inbound SMS led to. */
public enum SmsOutcome {
    /** A report was made; the sender is told its tracking number. */
    REPORTED,
    /** The sender asked for a report's status (CEK) and was answered. */
    STATUS_ANSWERED,
    /** The message could not be understood; the sender got the help text. */
    HELP_SENT
}
