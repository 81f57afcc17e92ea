package id.kotacerdas.intake.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.kotacerdas.intake.catalogue.CatalogueEntry;
import id.kotacerdas.intake.catalogue.ServiceCatalogue;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.intake.report.HistoryEntry;
import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.ReportView;

/**
 * A report as an Open311 {@code request}: the spec's fields in the spec's order, times in the
 * jurisdiction's zone with their offset. Never the reporter's name or contact.
 */
@Component
class ServiceRequestView {

    private final ServiceCatalogue catalogue;
    private final Jurisdictions jurisdictions;
    private final MediaUrls mediaUrls;
    private final PublicUrls urls;

    ServiceRequestView(ServiceCatalogue catalogue, Jurisdictions jurisdictions, MediaUrls mediaUrls, PublicUrls urls) {
        this.catalogue = catalogue;
        this.jurisdictions = jurisdictions;
        this.mediaUrls = mediaUrls;
        this.urls = urls;
    }

    Open311Node.Items of(List<Report> reports) {
        Map<String, String> media = mediaUrls.of(reports.stream().map(Report::id).toList());
        return Open311Node.items("request", reports.stream().map(r -> request(r, media.get(r.id()))).toList());
    }

    private Open311Node request(Report report, String mediaUrl) {
        ZoneId zone = jurisdictions.find(report.jurisdictionId()).map(Jurisdiction::zone).orElse(ZoneOffset.UTC);
        CatalogueEntry service = catalogue.find(report.jurisdictionId(), report.serviceCode()).orElse(null);
        var place = report.place();
        return Open311Node.Fields.builder()
                .put("service_request_id", report.trackingNumber())
                .put("status", report.status().isOpen() ? "open" : "closed")
                .put("status_notes", statusNotes(report))
                .put("service_name", service == null ? report.serviceCode() : service.name())
                .put("service_code", report.serviceCode())
                .put("description", report.description())
                .put("agency_responsible", report.agencyName())
                .put("service_notice", service != null && service.urgent() ? URGENT_NOTICE : null)
                .put("requested_datetime", time(report.submittedAt(), zone))
                .put("updated_datetime", time(report.updatedAt(), zone))
                // the agency's resolution deadline (the service level agreement the spec names), while it is open
                .put("expected_datetime", report.status().isOpen() ? time(report.resolveBy(), zone) : null)
                .put("address", place == null ? null : place.address())
                .put("address_id", null)
                .put("zipcode", null)
                .put("lat", report.latitude())
                .put("long", report.longitude())
                .put("media_url", mediaUrl != null ? mediaUrl : firstPhoto(report))
                .build();
    }

    static final String URGENT_NOTICE = "Layanan mendesak: ditangani dalam hitungan jam / urgent service";

    /** The latest public note of the report's history (resolution note, rejection reason, agency...). */
    private static String statusNotes(Report report) {
        if (report.resolutionNote() != null && !report.status().isOpen()) {
            return report.resolutionNote();
        }
        List<HistoryEntry> history = report.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.note() != null && !entry.note().isBlank()) {
                return entry.note();
            }
        }
        return null;
    }

    private String firstPhoto(Report report) {
        List<String> photos = ReportView.photoUrls(report);
        return photos.isEmpty() ? null : urls.of(photos.get(0));
    }

    static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
