package id.kotacerdas.intake.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.report.Place;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportClosed;
import id.kotacerdas.contracts.report.ReportFeedbackGiven;
import id.kotacerdas.contracts.report.ReportMarkedDuplicate;
import id.kotacerdas.contracts.report.ReportReopened;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportType;
import id.kotacerdas.contracts.report.ReportUpdated;
import id.kotacerdas.contracts.report.ReportWithdrawn;
import id.kotacerdas.support.outbox.OutboxAggregate;
import id.kotacerdas.support.problem.ConflictException;

/**
 * A citizen's report: its content, the sealed reporter profile, its status and history. Every change and
 * the events it causes are saved in one write (see {@link OutboxAggregate}).
 */
@Document(Report.COLLECTION)
// the most selective key first: the geohash cells around a new report (any store answers the duplicate search from it)
@CompoundIndex(name = "duplicate_cells", def = "{'geoCells': 1, 'serviceCode': 1, 'jurisdictionId': 1}")
@CompoundIndex(name = "public_search", def = "{'jurisdictionId': 1, 'confidential': 1, 'submittedAt': -1}")
// the auto-close job's questions: resolutions whose dispute window has ended, and (for resolutions whose event
// carried no window) resolutions older than N days; without these it ran through every report each 15 minutes
@CompoundIndex(name = "status_disputableUntil", def = "{'status': 1, 'disputableUntil': 1}")
@CompoundIndex(name = "status_resolvedAt", def = "{'status': 1, 'resolvedAt': 1}")
public class Report extends OutboxAggregate {

    public static final String COLLECTION = "reports";

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed(unique = true)
    private String trackingNumber;
    private String jurisdictionId;
    private ReportType type;
    private String serviceCode;
    private String description;
    private Double latitude;
    private Double longitude;
    private String address;
    private String districtCode;
    private String villageCode;
    private List<String> geoCells = new ArrayList<>();
    private Map<String, String> attributes = Map.of();
    private boolean anonymous;
    private boolean confidential;
    private ReportChannel channel;
    private ReporterProfile reporter;
    private String reporterTokenHash;
    /** Kept only when the POST carried an Idempotency-Key, so a retry can be given the same answer. */
    private String sealedReporterToken;
    private String requestFingerprint;
    private int photoCount;
    private List<PossibleDuplicate> possibleDuplicates = new ArrayList<>();

    private ReportStatus status;
    private String agencyId;
    private String agencyName;
    private Instant acknowledgeBy;
    /** The agency's resolution deadline, from the latest routing. */
    private Instant resolveBy;
    private String resolutionNote;
    private Instant resolvedAt;
    private Instant disputableUntil;
    private String duplicateOfTrackingNumber;
    private List<String> additionalInformation = new ArrayList<>();
    private Set<String> supporterKeys = new LinkedHashSet<>();
    private int supportCount;
    private Integer rating;
    private String ratingComment;
    private List<HistoryEntry> history = new ArrayList<>();
    /** Ids of the consumed events already applied: a redelivery changes nothing. */
    private Set<String> appliedEventIds = new LinkedHashSet<>();
    private Instant submittedAt;
    private Instant updatedAt;

    /** A new report, accepted: raises {@link ReportSubmitted}, which carries no reporter identity. */
    static Report submitted(NewReport r) {
        Report report = new Report();
        report.id = r.id();
        report.trackingNumber = r.trackingNumber();
        report.jurisdictionId = r.jurisdictionId();
        report.type = r.type();
        report.serviceCode = r.serviceCode();
        report.description = r.description();
        report.latitude = r.place().latitude();
        report.longitude = r.place().longitude();
        report.address = r.place().address();
        report.districtCode = r.place().districtCode();
        report.villageCode = r.place().villageCode();
        report.geoCells = new ArrayList<>(r.geoCells());
        report.attributes = Map.copyOf(r.attributes());
        report.anonymous = r.anonymous();
        report.confidential = r.confidential();
        report.channel = r.channel();
        report.reporter = r.reporter();
        report.reporterTokenHash = r.reporterTokenHash();
        report.sealedReporterToken = r.sealedReporterToken();
        report.requestFingerprint = r.requestFingerprint();
        report.photoCount = r.photoCount();
        report.possibleDuplicates = new ArrayList<>(r.possibleDuplicates());
        report.status = ReportStatus.SUBMITTED;
        report.submittedAt = r.submittedAt();
        report.updatedAt = r.submittedAt();
        report.history.add(new HistoryEntry("SUBMITTED", ReportStatus.SUBMITTED, null, r.submittedAt()));
        report.raise(new ReportSubmitted(report.id, report.trackingNumber, report.jurisdictionId, report.type,
                report.serviceCode, report.description, report.place(), report.anonymous, report.confidential,
                report.channel, report.photoCount, report.submittedAt));
        return report;
    }

    /** Asks notification-service to tell the reporter something; the request travels with this write. */
    public void requestNotification(NotificationRequested request) {
        raise(request);
    }

    // --- steps reported by routing-service (city.assignments.v1) ---

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    public void routed(String eventId, String agencyId, String agencyName, Instant acknowledgeBy, Instant resolveBy,
                       Instant at) {
        this.agencyId = agencyId;
        this.agencyName = agencyName;
        this.acknowledgeBy = acknowledgeBy;
        this.resolveBy = resolveBy;
        step(eventId, "ROUTED", ReportStatus.ROUTED, agencyName, at);
    }

    public void acknowledged(String eventId, Instant at) {
        step(eventId, "ACKNOWLEDGED", ReportStatus.ACKNOWLEDGED, agencyName, at);
    }

    public void started(String eventId, Instant at) {
        step(eventId, "IN_PROGRESS", ReportStatus.IN_PROGRESS, agencyName, at);
    }

    /** @param disputableUntil the end of the citizen's dispute window, null when the event carried none */
    public void resolved(String eventId, String note, Instant at, Instant disputableUntil) {
        this.resolutionNote = note;
        this.resolvedAt = at;
        this.disputableUntil = disputableUntil;
        step(eventId, "RESOLVED", ReportStatus.RESOLVED, note, at);
    }

    /** An invalid report ends here; one the agency is not responsible for waits to be routed again. */
    public void rejected(String eventId, boolean invalid, String note, Instant at) {
        if (!invalid) {
            this.agencyId = null;
            this.agencyName = null;
        }
        step(eventId, invalid ? "REJECTED" : "RETURNED_FOR_ROUTING",
                invalid ? ReportStatus.REJECTED : ReportStatus.SUBMITTED, note, at);
    }

    public void transferred(String eventId, String toAgencyId, String toAgencyName, Instant at) {
        this.agencyId = toAgencyId;
        this.agencyName = toAgencyName;
        this.acknowledgeBy = null;
        step(eventId, "TRANSFERRED", ReportStatus.ROUTED, toAgencyName, at);
    }

    public void escalated(String eventId, int level, Instant at) {
        step(eventId, "ESCALATED", status, "level " + level, at);
    }

    /** Marks an event as seen without changing anything (it arrived after the report was finished). */
    public void ignored(String eventId) {
        appliedEventIds.add(eventId);
    }

    private void step(String eventId, String step, ReportStatus newStatus, String note, Instant at) {
        appliedEventIds.add(eventId);
        status = newStatus;
        updatedAt = at;
        history.add(new HistoryEntry(step, newStatus, note, at));
    }

    // --- the reporter's actions (with the reporter token) ---

    public void addInformation(String text, Instant now) {
        requireNotFinished("add information to");
        additionalInformation.add(text);
        history.add(new HistoryEntry("INFORMATION_ADDED", status, null, now));
        updatedAt = now;
        raise(new ReportUpdated(id, text, now));
    }

    public void withdraw(String reason, Instant now) {
        requireNotFinished("withdraw");
        change("WITHDRAWN", ReportStatus.WITHDRAWN, reason, now);
        raise(new ReportWithdrawn(id, reason, now));
    }

    public void confirmResolution(Instant now) {
        requireResolved("confirm");
        change("CLOSED", ReportStatus.CLOSED, "confirmed by the reporter", now);
        raise(new ReportClosed(id, ReportClosed.ClosureReason.CONFIRMED_BY_REPORTER, now));
    }

    public void disputeResolution(String reason, Instant now) {
        requireResolved("dispute");
        change("REOPENED", ReportStatus.REOPENED, reason, now);
        raise(new ReportReopened(id, reason, now));
    }

    public void closeUndisputed(Instant now) {
        change("CLOSED", ReportStatus.CLOSED, "not disputed in time", now);
        raise(new ReportClosed(id, ReportClosed.ClosureReason.NOT_DISPUTED_IN_TIME, now));
    }

    public void rate(int stars, String comment, Instant now) {
        if (status != ReportStatus.RESOLVED && status != ReportStatus.CLOSED) {
            throw new ConflictException("Only a resolved or closed report can be rated; this one is " + status);
        }
        if (rating != null) {
            throw new ConflictException("This report has already been rated");
        }
        rating = stars;
        ratingComment = comment;
        updatedAt = now;
        history.add(new HistoryEntry("RATED", status, null, now));
        raise(new ReportFeedbackGiven(id, stars, comment, now));
    }

    // --- staff and other citizens ---

    public void markDuplicateOf(Report original, Instant now) {
        requireNotFinished("mark as duplicate");
        duplicateOfTrackingNumber = original.trackingNumber;
        change("DUPLICATE", ReportStatus.DUPLICATE, original.trackingNumber, now);
        raise(new ReportMarkedDuplicate(id, original.id, now));
    }

    /** "Me too": another citizen supports this report; counted once per supporter key. */
    public boolean support(String supporterKey) {
        requireNotFinished("support");
        if (supporterKey != null && !supporterKeys.add(supporterKey)) {
            return false;
        }
        supportCount++;
        return true;
    }

    private void change(String step, ReportStatus newStatus, String note, Instant now) {
        status = newStatus;
        updatedAt = now;
        history.add(new HistoryEntry(step, newStatus, note, now));
    }

    private void requireNotFinished(String action) {
        if (status.isFinished()) {
            throw new ConflictException("Cannot " + action + " a report that is " + status);
        }
    }

    private void requireResolved(String action) {
        if (status != ReportStatus.RESOLVED) {
            throw new ConflictException("Only a resolved report can be " + action + "ed; this one is " + status);
        }
    }

    public Place place() {
        if (latitude == null && longitude == null && address == null && districtCode == null && villageCode == null) {
            return null;
        }
        return new Place(latitude, longitude, address, districtCode, villageCode);
    }

    public String id() { return id; }
    public String trackingNumber() { return trackingNumber; }
    public String jurisdictionId() { return jurisdictionId; }
    public ReportType type() { return type; }
    public String serviceCode() { return serviceCode; }
    public String description() { return description; }
    public Double latitude() { return latitude; }
    public Double longitude() { return longitude; }
    public Map<String, String> attributes() { return attributes; }
    public boolean anonymous() { return anonymous; }
    public boolean confidential() { return confidential; }
    public ReportChannel channel() { return channel; }
    public ReporterProfile reporter() { return reporter; }
    public String reporterTokenHash() { return reporterTokenHash; }
    public String sealedReporterToken() { return sealedReporterToken; }
    public String requestFingerprint() { return requestFingerprint; }
    public int photoCount() { return photoCount; }
    public List<PossibleDuplicate> possibleDuplicates() { return List.copyOf(possibleDuplicates); }
    public ReportStatus status() { return status; }
    public String agencyId() { return agencyId; }
    public String agencyName() { return agencyName; }
    public Instant acknowledgeBy() { return acknowledgeBy; }
    public String resolutionNote() { return resolutionNote; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant resolveBy() { return resolveBy; }
    public Instant disputableUntil() { return disputableUntil; }
    public String duplicateOfTrackingNumber() { return duplicateOfTrackingNumber; }
    public List<String> additionalInformation() { return List.copyOf(additionalInformation); }
    public int supportCount() { return supportCount; }
    public Integer rating() { return rating; }
    public List<HistoryEntry> history() { return List.copyOf(history); }
    public Instant submittedAt() { return submittedAt; }
    public Instant updatedAt() { return updatedAt; }
}
