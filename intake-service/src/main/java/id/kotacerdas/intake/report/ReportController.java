package id.kotacerdas.intake.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;
import id.kotacerdas.intake.photo.CleanPhoto;
import id.kotacerdas.intake.photo.PhotoStore;
import id.kotacerdas.support.identity.Caller;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;

/** Citizens' reports over HTTP (through the gateway, with an integrating app's key). */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    static final String TOKEN_HEADER = "X-Reporter-Token";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ReportIntake intake;
    private final ReportQueries queries;
    private final PhotoStore photos;
    private final Jurisdictions jurisdictions;

    ReportController(ReportIntake intake, ReportQueries queries, PhotoStore photos, Jurisdictions jurisdictions) {
        this.intake = intake;
        this.queries = queries;
        this.photos = photos;
        this.jurisdictions = jurisdictions;
    }

    /** The answer to a submission; the reporter token is shown only here. */
    record Submitted(String trackingNumber, ReportStatus status, String reporterToken, Instant submittedAt,
                     List<PossibleDuplicate> possibleDuplicates, String url) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Submitted> submit(@RequestBody SubmitReportRequest body,
                                     @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                     Caller caller) {
        return submitted(intake.submit(command(body, List.of(), idempotencyKey, caller)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Submitted> submitWithPhotos(@RequestPart("report") SubmitReportRequest body,
                                               @RequestPart(name = "photos", required = false) List<MultipartFile> files,
                                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                               Caller caller) {
        List<SubmitReport.PhotoUpload> uploads = files == null ? List.of() : files.stream()
                .map(f -> new SubmitReport.PhotoUpload(f.getOriginalFilename(), bytes(f))).toList();
        return submitted(intake.submit(command(body, uploads, idempotencyKey, caller)));
    }

    @GetMapping("/{trackingNumber}")
    ReportView find(@PathVariable String trackingNumber,
                    @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return ReportView.of(queries.visible(trackingNumber, token), true);
    }

    @GetMapping
    ResultPage<ReportView> search(@RequestParam(required = false) String jurisdiction,
                                  @RequestParam(required = false) ReportStatus status,
                                  @RequestParam(required = false) String serviceCode,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Double lat,
                                  @RequestParam(required = false) Double lon,
                                  @RequestParam(required = false) Double radius,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        ZoneId zone = jurisdictions.find(jurisdiction).map(Jurisdiction::zone).orElse(ZoneId.of("UTC"));
        ResultPage<Report> found = queries.search(new ReportSearch(blankToNull(jurisdiction), status,
                blankToNull(serviceCode), time("from", from, zone, false), time("to", to, zone, true), lat, lon, radius,
                page, size));
        return new ResultPage<>(found.items().stream().map(r -> ReportView.of(r, false)).toList(), found.page(),
                found.size(), found.total());
    }

    @GetMapping("/{trackingNumber}/photos/{index}")
    ResponseEntity<byte[]> photo(@PathVariable String trackingNumber, @PathVariable int index,
                                 @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        Report report = queries.visible(trackingNumber, token);
        CleanPhoto photo = photos.find(report.id(), index)
                .orElseThrow(() -> new NotFoundException("No photo " + index + " of " + trackingNumber));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(report.confidential() ? CacheControl.noStore() : CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.content());
    }

    private SubmitReport command(SubmitReportRequest body, List<SubmitReport.PhotoUpload> photos,
                                 String idempotencyKey, Caller caller) {
        caller.requireAny(Role.CITIZEN_APP, Role.OPERATOR);
        if (body == null) {
            throw new InvalidInputException("report", "is required");
        }
        if (idempotencyKey != null && !SAFE_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "must be 1-128 letters, digits or ._:-");
        }
        ReportChannel channel = body.channel() == null ? ReportChannel.APP : body.channel();
        if (channel != ReportChannel.APP && channel != ReportChannel.WEB) {
            throw new InvalidInputException("channel", "must be APP or WEB on this endpoint");
        }
        var location = body.location();
        var reporter = body.reporter();
        return new SubmitReport(body.jurisdiction(), body.type(), body.serviceCode(), body.description(),
                location == null ? null : new SubmitReport.Location(location.latitude(), location.longitude(),
                        location.address(), location.districtCode(), location.villageCode()),
                reporter == null ? null : new SubmitReport.ReporterDetails(reporter.name(), reporter.phone(),
                        reporter.email(), reporter.preferredChannel(), reporter.locale()),
                Boolean.TRUE.equals(body.anonymous()), Boolean.TRUE.equals(body.confidential()), channel,
                body.attributes(), photos,
                idempotencyKey == null ? null : caller.clientId() + ":" + idempotencyKey);
    }

    private static ResponseEntity<Submitted> submitted(SubmissionReceipt receipt) {
        String url = "/api/v1/reports/" + receipt.trackingNumber();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(url))
                .header("Idempotent-Replayed", String.valueOf(receipt.replayed()))
                .body(new Submitted(receipt.trackingNumber(), receipt.status(), receipt.reporterToken(),
                        receipt.submittedAt(), receipt.possibleDuplicates(), url));
    }

    /** ISO-8601 instant or offset time, or a plain date (its start, or for {@code to} its end, in the zone). */
    private static Instant time(String field, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new InvalidInputException(field, "is not an ISO-8601 date or date-time");
            }
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
