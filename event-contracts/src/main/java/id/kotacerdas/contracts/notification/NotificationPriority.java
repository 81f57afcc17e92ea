package id.kotacerdas.contracts.notification;

/** CRITICAL messages are sent even to numbers that opted out of non-critical ones. */
public enum NotificationPriority {
    NORMAL, CRITICAL
}
