package id.kotacerdas.intake.report;

import java.util.List;
import java.util.Map;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportType;

/**
 * A report as any channel (app, web, Open311, SMS) hands it to {@link ReportIntake}. Field problems are
 * named after these components ({@code location.latitude}, {@code reporter.phone}, {@code photos[1]}).
 *
 * @param idempotencyKey the caller-scoped key of a retryable request, or null
 */
public record SubmitReport(String jurisdictionId, ReportType type, String serviceCode, String description,
                           Location location, ReporterDetails reporter, boolean anonymous, boolean confidential,
                           ReportChannel channel, Map<String, String> attributes, List<PhotoUpload> photos,
                           String idempotencyKey) {

    public SubmitReport {
        attributes = attributes == null ? Map.of() : attributes.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null && !e.getValue().isBlank())
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** Where: coordinates and/or an address; district and village codes when the caller knows them. */
    public record Location(Double latitude, Double longitude, String address, String districtCode,
                           String villageCode) {
    }

    /** Who, and how to reach them: all optional; without phone or e-mail the reporter gets no messages. */
    public record ReporterDetails(String name, String phone, String email, Channel preferredChannel, String locale) {

        @Override
        public String toString() {
            return "ReporterDetails[masked]";
        }
    }

    /** A photo as uploaded: checked by content and re-encoded before anything is stored. */
    public record PhotoUpload(String filename, byte[] content) {
    }
}
