package id.kotacerdas.intake.report;

import id.kotacerdas.contracts.notification.Channel;

/**
 * How the report's author is reached, stored on the report. The contact itself is sealed (AES-GCM); only
 * whether it can be reached, the preferred channel and locale are in the clear.
 */
public record ReporterProfile(String sealedContact, boolean reachable, Channel preferredChannel, String locale) {
}
