package id.kotacerdas.intake.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.report.Place;
import id.kotacerdas.intake.catalogue.CatalogueEntry;
import id.kotacerdas.intake.catalogue.ServiceAttribute;
import id.kotacerdas.intake.catalogue.ServiceCatalogue;
import id.kotacerdas.intake.jurisdiction.District;
import id.kotacerdas.intake.jurisdiction.Districts;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.intake.location.GeoHash;
import id.kotacerdas.intake.photo.CleanPhoto;
import id.kotacerdas.intake.photo.PhotoSanitiser;
import id.kotacerdas.intake.photo.PhotoStore;
import id.kotacerdas.intake.reporter.Contact;
import id.kotacerdas.intake.reporter.ContactCipher;
import id.kotacerdas.support.privacy.PhoneNumbers;
import id.kotacerdas.support.web.TextInput;
import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.ProblemException;

/**
 * The one way into the platform for a citizen's report, whatever the channel: validates, seals the
 * reporter's contact, numbers the report, looks for possible duplicates, and stores the report with its
 * {@code ReportSubmitted} event (and the reporter's "received" message) in one write.
 */
@Service
public class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);
    /** Plain ASCII addresses: look-alike, combining and direction-control characters are refused. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,63}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Jurisdictions jurisdictions;
    private final Districts districts;
    private final ServiceCatalogue catalogue;
    private final TrackingNumbers trackingNumbers;
    private final Reports reports;
    private final NearbyReports nearby;
    private final ContactCipher cipher;
    private final PhotoSanitiser sanitiser;
    private final PhotoStore photos;
    private final ReporterNotifications notifications;
    private final int maxDescription;
    private final int maxPhotos;

    public ReportIntake(Jurisdictions jurisdictions, Districts districts, ServiceCatalogue catalogue, TrackingNumbers trackingNumbers,
                        Reports reports, NearbyReports nearby, ContactCipher cipher, PhotoSanitiser sanitiser,
                        PhotoStore photos, ReporterNotifications notifications,
                        @Value("${kotacerdas.intake.max-description-length:4000}") int maxDescription,
                        @Value("${kotacerdas.intake.photos.max-count:3}") int maxPhotos) {
        this.jurisdictions = jurisdictions;
        this.districts = districts;
        this.catalogue = catalogue;
        this.trackingNumbers = trackingNumbers;
        this.reports = reports;
        this.nearby = nearby;
        this.cipher = cipher;
        this.sanitiser = sanitiser;
        this.photos = photos;
        this.notifications = notifications;
        this.maxDescription = maxDescription;
        this.maxPhotos = maxPhotos;
    }

    /**
     * @throws InvalidInputException naming every bad field; nothing is stored then
     * @throws ProblemException 422 when an Idempotency-Key is reused for a different report
     */
    public SubmissionReceipt submit(SubmitReport request) {
        Instant now = Instant.now();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Jurisdiction> jurisdiction = jurisdictions.find(request.jurisdictionId());
        if (jurisdiction.isEmpty()) {
            problems.add(new FieldProblem("jurisdiction", "is not a jurisdiction served here"));
        }
        if (request.type() == null) {
            problems.add(new FieldProblem("type", "is required (ADUAN, KELUHAN, ASPIRASI or INFORMASI)"));
        }
        if (request.channel() == null) {
            problems.add(new FieldProblem("channel", "is required"));
        }
        Optional<CatalogueEntry> service = jurisdiction.flatMap(j -> catalogue.find(j.id(), request.serviceCode()));
        if (jurisdiction.isPresent() && service.isEmpty()) {
            problems.add(new FieldProblem("serviceCode", "is not a category of " + request.jurisdictionId()));
        }
        service.ifPresent(s -> checkAttributes(s, request.attributes(), problems));
        checkDescription(request.description(), problems);
        jurisdiction.ifPresent(j -> checkLocation(j, request.location(), problems));
        Contact contact = contactOf(request.reporter(), problems);
        List<CleanPhoto> cleanPhotos = cleanPhotos(request.photos(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        String fingerprint = fingerprint(request);
        String reportId = request.idempotencyKey() == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("report:" + request.idempotencyKey()).getBytes(StandardCharsets.UTF_8))
                .toString();

        Jurisdiction j = jurisdiction.orElseThrow();
        SubmitReport.Location location = request.location();
        String districtCode = trim(location.districtCode());
        if (districtCode == null && location.latitude() != null) {
            districtCode = districts.nearest(j.id(), location.latitude(), location.longitude()).map(District::code)
                    .orElse(null);
        }
        Place place = new Place(location.latitude(), location.longitude(), trim(location.address()), districtCode,
                trim(location.villageCode()));
        boolean located = place.latitude() != null;
        String token = ReporterTokens.generate();
        SubmitReport.ReporterDetails details = request.reporter();
        ReporterProfile profile = new ReporterProfile(cipher.seal(contact, reportId), contact.reachable(),
                details == null ? null : details.preferredChannel(), localeOf(details));
        List<PossibleDuplicate> duplicates = located
                ? nearby.possibleDuplicates(j.id(), request.serviceCode(), place.latitude(), place.longitude(), now)
                : List.of();
        Report report = Report.submitted(new NewReport(reportId, trackingNumbers.next(j, now), j.id(), request.type(),
                request.serviceCode(), request.description().strip(), place,
                located ? GeoHash.cellsOf(place.latitude(), place.longitude()) : List.of(), request.attributes(),
                request.anonymous(), request.confidential(), request.channel(), profile, ReporterTokens.hash(token),
                request.idempotencyKey() == null ? null : cipher.seal(token, reportId + "/token"), fingerprint,
                cleanPhotos.size(), duplicates, now));
        notifications.tell(report, reportId + ":received", NotificationTemplates.REPORT_RECEIVED,
                Map.of("serviceName", service.orElseThrow().nameFor(profile.locale())), now);
        try {
            reports.insert(report);
        } catch (DuplicateKeyException e) {
            if (request.idempotencyKey() == null) {
                throw e;
            }
            // a retry: the id comes from the key, so the insert itself finds the first one (a read before every
            // insert cost each first submission a round trip; a retry costs a tracking number left unused instead)
            return replay(reports.byId(reportId).orElseThrow(() -> e), fingerprint);
        }
        photos.save(reportId, cleanPhotos);
        log.info("Accepted report {} ({} / {}) via {}", report.trackingNumber(), j.id(), report.serviceCode(),
                report.channel());
        return new SubmissionReceipt(reportId, report.trackingNumber(), report.status(), token, now, duplicates,
                false);
    }

    private SubmissionReceipt replay(Report earlier, String fingerprint) {
        if (!fingerprint.equals(earlier.requestFingerprint())) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                    "This Idempotency-Key was used for a different report");
        }
        String token = cipher.open(earlier.sealedReporterToken(), earlier.id() + "/token");
        return new SubmissionReceipt(earlier.id(), earlier.trackingNumber(), ReportStatus.SUBMITTED, token,
                earlier.submittedAt(), earlier.possibleDuplicates(), true);
    }

    private void checkDescription(String description, List<FieldProblem> problems) {
        if (description == null || description.isBlank()) {
            problems.add(new FieldProblem("description", "is required"));
        } else if (description.length() > maxDescription) {
            problems.add(new FieldProblem("description", "is longer than " + maxDescription + " characters"));
        } else if (!TextInput.isWellFormed(description)) {
            problems.add(new FieldProblem("description", "contains control characters or broken Unicode"));
        }
    }

    private static void checkLocation(Jurisdiction jurisdiction, SubmitReport.Location location,
                                      List<FieldProblem> problems) {
        if (location == null) {
            problems.add(new FieldProblem("location", "is required: coordinates and/or an address"));
            return;
        }
        Double lat = location.latitude();
        Double lon = location.longitude();
        if (lat == null && lon == null) {
            if (location.address() == null || location.address().isBlank()) {
                problems.add(new FieldProblem("location", "needs coordinates or an address"));
            }
        } else if (lat == null || lon == null) {
            problems.add(new FieldProblem(lat == null ? "location.latitude" : "location.longitude",
                    "is required together with the other coordinate"));
        } else if (!jurisdiction.boundingBox().contains(lat, lon)) {
            problems.add(new FieldProblem("location.latitude", "lies outside " + jurisdiction.name()));
            problems.add(new FieldProblem("location.longitude", "lies outside " + jurisdiction.name()));
        }
        checkLength("location.address", location.address(), 500, problems);
        checkCode("location.districtCode", location.districtCode(), problems);
        checkCode("location.villageCode", location.villageCode(), problems);
    }

    private static Contact contactOf(SubmitReport.ReporterDetails reporter, List<FieldProblem> problems) {
        if (reporter == null) {
            return new Contact(null, null, null);
        }
        String phone = null;
        if (reporter.phone() != null && !reporter.phone().isBlank()) {
            phone = PhoneNumbers.normalise(reporter.phone()).orElse(null);
            if (phone == null) {
                problems.add(new FieldProblem("reporter.phone", "is not an Indonesian mobile number"));
            }
        }
        String email = trim(reporter.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("reporter.email", "is not an e-mail address"));
        }
        checkLength("reporter.name", reporter.name(), 200, problems);
        if (reporter.locale() != null && !List.of("id", "en").contains(reporter.locale().toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem("reporter.locale", "must be id or en"));
        }
        if (reporter.preferredChannel() != null) {
            boolean usable = switch (reporter.preferredChannel()) {
                case SMS -> reporter.phone() != null;
                case EMAIL -> reporter.email() != null;
            };
            if (!usable) {
                problems.add(new FieldProblem("reporter.preferredChannel", "needs the matching phone or e-mail"));
            }
        }
        return new Contact(trim(reporter.name()), phone, email);
    }

    private static void checkAttributes(CatalogueEntry service, Map<String, String> attributes,
                                        List<FieldProblem> problems) {
        for (ServiceAttribute attribute : service.attributes()) {
            if (!attribute.accepts(attributes.get(attribute.code()))) {
                problems.add(new FieldProblem("attributes." + attribute.code(),
                        attributes.get(attribute.code()) == null ? "is required" : "is not a valid " + attribute.datatype()));
            }
        }
        attributes.keySet().stream()
                .filter(code -> service.attributes().stream().noneMatch(a -> a.code().equals(code)))
                .forEach(code -> problems.add(new FieldProblem("attributes." + safe(code),
                        "is not an attribute of " + service.code())));
    }

    private List<CleanPhoto> cleanPhotos(List<SubmitReport.PhotoUpload> uploads, List<FieldProblem> problems) {
        if (uploads.size() > maxPhotos) {
            problems.add(new FieldProblem("photos", "at most " + maxPhotos + " photos per report"));
            return List.of();
        }
        List<CleanPhoto> clean = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            PhotoSanitiser.Result result = sanitiser.sanitise(uploads.get(i).content());
            if (result.isClean()) {
                clean.add(result.photo());
            } else {
                problems.add(new FieldProblem("photos[" + i + "]", result.refusal()));
            }
        }
        return clean;
    }

    /** Same request, same fingerprint: lets a retry with the same Idempotency-Key be told from misuse. */
    private static String fingerprint(SubmitReport r) {
        StringBuilder text = new StringBuilder();
        text.append(r.jurisdictionId()).append('|').append(r.type()).append('|').append(r.serviceCode()).append('|')
                .append(r.description()).append('|').append(r.location()).append('|').append(r.anonymous())
                .append('|').append(r.confidential()).append('|').append(r.channel()).append('|')
                .append(new TreeMap<>(r.attributes()));
        SubmitReport.ReporterDetails d = r.reporter();
        if (d != null) {
            text.append('|').append(d.name()).append('|').append(d.phone()).append('|').append(d.email()).append('|')
                    .append(d.preferredChannel()).append('|').append(d.locale());
        }
        for (SubmitReport.PhotoUpload photo : r.photos()) {
            text.append('|').append(ReporterTokens.hash(java.util.Base64.getEncoder().encodeToString(photo.content())));
        }
        return ReporterTokens.hash(text.toString());
    }

    private static String localeOf(SubmitReport.ReporterDetails details) {
        return details != null && details.locale() != null && details.locale().equalsIgnoreCase("en") ? "en" : "id";
    }

    private static void checkLength(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "is longer than " + max + " characters"));
        }
    }

    private static void checkCode(String field, String value, List<FieldProblem> problems) {
        if (value != null && !value.isBlank() && !CODE.matcher(value.trim()).matches()) {
            problems.add(new FieldProblem(field, "is not a valid code"));
        }
    }

    private static String safe(String code) {
        return CODE.matcher(code).matches() ? code : "?";
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
