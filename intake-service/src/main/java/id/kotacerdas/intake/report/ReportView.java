package id.kotacerdas.intake.report;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import id.kotacerdas.contracts.report.Place;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportType;

/**
 * A report as the public (and its reporter) sees it: never the reporter's name or contact. {@code disputableUntil}:
 * while the report is RESOLVED, until when the reporter may dispute the resolution before it is closed.
 */
public record ReportView(String trackingNumber, String jurisdictionId, ReportType type, String serviceCode,
                         String description, Place place, ReportStatus status, Agency agency, String resolutionNote,
                         Instant disputableUntil,
                         List<String> additionalInformation, List<String> photoUrls, int supportCount,
                         String duplicateOf, boolean anonymous, boolean confidential, ReportChannel channel,
                         Instant submittedAt, Instant updatedAt, List<HistoryEntry> history) {

    /** The agency responsible now, if routed. */
    public record Agency(String id, String name) {
    }

    public static ReportView of(Report r, boolean withHistory) {
        return new ReportView(r.trackingNumber(), r.jurisdictionId(), r.type(), r.serviceCode(), r.description(),
                r.place(), r.status(), r.agencyId() == null ? null : new Agency(r.agencyId(), r.agencyName()),
                r.resolutionNote(), r.status() == ReportStatus.RESOLVED ? r.disputableUntil() : null,
                r.additionalInformation(), photoUrls(r), r.supportCount(),
                r.duplicateOfTrackingNumber(), r.anonymous(), r.confidential(), r.channel(), r.submittedAt(),
                r.updatedAt(), withHistory ? r.history() : null);
    }

    public static List<String> photoUrls(Report r) {
        return IntStream.rangeClosed(1, r.photoCount())
                .mapToObj(i -> "/api/v1/reports/" + r.trackingNumber() + "/photos/" + i).toList();
    }
}
