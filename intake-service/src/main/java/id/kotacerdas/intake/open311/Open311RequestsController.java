package id.kotacerdas.intake.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportType;
import id.kotacerdas.intake.catalogue.ServiceCatalogue;
import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.report.PossibleDuplicate;
import id.kotacerdas.intake.report.Report;
import id.kotacerdas.intake.report.ReportIntake;
import id.kotacerdas.intake.report.Reports;
import id.kotacerdas.intake.report.SubmissionReceipt;
import id.kotacerdas.intake.report.SubmitReport;
import id.kotacerdas.support.identity.Caller;

/**
 * GeoReport v2 service requests. Creating one needs an integrating app's api_key (verified by the gateway,
 * seen here as the caller); reading is public and never shows confidential reports or reporters' names.
 * {@code service_request_id} is the tracking number; {@code token} is the report's internal id.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311RequestsController {

    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final int MAX_MEDIA_URL = 2000;

    private final ReportIntake intake;
    private final Reports reports;
    private final ServiceCatalogue catalogue;
    private final Open311Jurisdictions jurisdictions;
    private final ServiceRequestSearch search;
    private final ServiceRequestView view;
    private final MediaUrls mediaUrls;
    private final Open311Properties properties;

    Open311RequestsController(ReportIntake intake, Reports reports, ServiceCatalogue catalogue,
                              Open311Jurisdictions jurisdictions, ServiceRequestSearch search, ServiceRequestView view,
                              MediaUrls mediaUrls, Open311Properties properties) {
        this.intake = intake;
        this.reports = reports;
        this.catalogue = catalogue;
        this.jurisdictions = jurisdictions;
        this.search = search;
        this.view = view;
        this.mediaUrls = mediaUrls;
        this.properties = properties;
    }

    @PostMapping({"/requests", "/requests.{format:json|xml}"})
    ResponseEntity<byte[]> create(@PathVariable(required = false) String format,
                                  @RequestParam MultiValueMap<String, String> form,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  Caller caller) {
        if (!caller.isAuthenticated() || !(caller.has(Role.CITIZEN_APP) || caller.has(Role.OPERATOR))) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key was not provided or is not valid");
        }
        Open311Parameters p = new Open311Parameters(form);
        List<String> missing = new ArrayList<>();
        String jurisdictionId = jurisdictions.idOrDefault(p.get("jurisdiction_id"));
        if (jurisdictionId == null) {
            missing.add("jurisdiction_id was not provided");
        }
        if (p.get("service_code") == null) {
            missing.add("service_code was not provided");
        }
        if (p.get("lat") == null && p.get("long") == null && p.get("address_string") == null
                && p.get("address_id") == null) {
            missing.add("a location was not provided: lat and long, address_string or address_id");
        }
        if (p.get("description") == null) {
            missing.add("description was not provided");
        }
        if (!missing.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, missing);
        }
        if (idempotencyKey != null && !SAFE_KEY.matcher(idempotencyKey).matches()) {
            throw Open311Exception.badRequest("Idempotency-Key: must be 1-128 letters, digits or ._:-");
        }
        String mediaUrl = mediaUrl(p.get("media_url"));
        SubmissionReceipt receipt = intake.submit(new SubmitReport(jurisdictionId, type(p.get("type")),
                p.get("service_code"), p.get("description"),
                new SubmitReport.Location(p.decimal("lat"), p.decimal("long"),
                        p.get("address_string") != null ? p.get("address_string") : p.get("address_id"), null, null),
                reporter(p), Boolean.TRUE.equals(p.flag("anonymous")), Boolean.TRUE.equals(p.flag("confidential")),
                ReportChannel.OPEN311, p.attributes(), List.of(),
                idempotencyKey == null ? null : caller.clientId() + ":open311:" + idempotencyKey));
        if (mediaUrl != null) {
            mediaUrls.save(receipt.reportId(), mediaUrl);
        }
        Open311Node created = Open311Node.Fields.builder()
                .put("service_request_id", receipt.trackingNumber())
                .put("token", receipt.reportId())
                .put("service_notice", notice(jurisdictionId, p.get("service_code"), receipt))
                .put("account_id", p.get("account_id"))
                .build();
        return Open311Format.of(format).answer(HttpStatus.OK, "service_requests",
                Open311Node.items("request", List.of(created)));
    }

    @GetMapping({"/requests", "/requests.{format:json|xml}"})
    ResponseEntity<byte[]> list(@PathVariable(required = false) String format,
                                @RequestParam MultiValueMap<String, String> query) {
        Open311Parameters p = new Open311Parameters(query);
        List<String> ids = p.list("service_request_id");
        List<Report> found;
        if (!ids.isEmpty()) {
            if (ids.size() > properties.getMaxRequests()) {
                throw Open311Exception.badRequest("service_request_id: at most " + properties.getMaxRequests()
                        + " ids");
            }
            found = search.byTrackingNumbers(ids.stream().filter(id -> TRACKING_NUMBER.matcher(id).matches())
                    .map(id -> id.toUpperCase(Locale.ROOT)).toList());
        } else {
            found = search.matching(criteria(p));
        }
        return Open311Format.of(format).answer(HttpStatus.OK, "service_requests", view.of(found));
    }

    @GetMapping({"/requests/{id:[^.]+}", "/requests/{id:[^.]+}.{format:json|xml}"})
    ResponseEntity<byte[]> one(@PathVariable String id, @PathVariable(required = false) String format) {
        String trackingNumber = id.toUpperCase(Locale.ROOT);
        List<Report> found = TRACKING_NUMBER.matcher(id).matches() ? search.byTrackingNumbers(List.of(trackingNumber))
                : List.of();
        if (found.isEmpty()) {
            throw Open311Exception.notFound("service_request_id " + Open311Jurisdictions.shown(id) + " was not found");
        }
        return Open311Format.of(format).answer(HttpStatus.OK, "service_requests", view.of(found));
    }

    @GetMapping({"/tokens/{token:[^.]+}", "/tokens/{token:[^.]+}.{format:json|xml}"})
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable(required = false) String format) {
        Report report = (SAFE_KEY.matcher(token).matches() ? reports.byId(token) : java.util.Optional.<Report>empty())
                .orElseThrow(() -> Open311Exception.notFound("token was not found"));
        Open311Node answer = Open311Node.Fields.builder()
                .put("service_request_id", report.trackingNumber())
                .put("token", report.id())
                .build();
        return Open311Format.of(format).answer(HttpStatus.OK, "service_requests",
                Open311Node.items("request", List.of(answer)));
    }

    private ServiceRequestSearch.Criteria311 criteria(Open311Parameters p) {
        Jurisdiction jurisdiction = jurisdictions.optional(p.get("jurisdiction_id"));
        Instant from = p.dateTime("start_date");
        Instant to = p.dateTime("end_date");
        if (from != null && to != null && from.isAfter(to)) {
            throw Open311Exception.badRequest("start_date: must not be after end_date");
        }
        if (from == null) {
            from = (to == null ? Instant.now() : to).minus(properties.getDefaultWindow());
        }
        List<String> statuses = p.list("status").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (statuses.stream().anyMatch(s -> !s.equals("open") && !s.equals("closed"))) {
            throw Open311Exception.badRequest("status: must be open, closed or both");
        }
        Boolean open = statuses.size() == 1 ? statuses.get(0).equals("open") : null;
        int pageSize = p.positiveInt("page_size", properties.getMaxRequests(), properties.getMaxRequests());
        int page = p.positiveInt("page", 1, Integer.MAX_VALUE);
        return new ServiceRequestSearch.Criteria311(jurisdiction == null ? null : jurisdiction.id(),
                p.list("service_code"), open, from, to, page, pageSize);
    }

    private String notice(String jurisdictionId, String serviceCode, SubmissionReceipt receipt) {
        List<String> notices = new ArrayList<>();
        catalogue.find(jurisdictionId, serviceCode).filter(s -> s.urgent())
                .ifPresent(s -> notices.add(ServiceRequestView.URGENT_NOTICE));
        if (!receipt.possibleDuplicates().isEmpty()) {
            notices.add("Mungkin sama dengan laporan / possible duplicate of " + receipt.possibleDuplicates().stream()
                    .map(PossibleDuplicate::trackingNumber).collect(Collectors.joining(", ")));
        }
        return notices.isEmpty() ? null : String.join(". ", notices);
    }

    private static SubmitReport.ReporterDetails reporter(Open311Parameters p) {
        String name = Stream.of(p.get("first_name"), p.get("last_name")).filter(n -> n != null)
                .collect(Collectors.joining(" "));
        if (name.isEmpty() && p.get("phone") == null && p.get("email") == null) {
            return null;
        }
        return new SubmitReport.ReporterDetails(name.isEmpty() ? null : name, p.get("phone"), p.get("email"), null,
                null);
    }

    private static ReportType type(String value) {
        if (value == null) {
            return ReportType.ADUAN;
        }
        try {
            return ReportType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Open311Exception.badRequest("type: must be ADUAN, KELUHAN, ASPIRASI or INFORMASI");
        }
    }

    private static String mediaUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || value.length() > MAX_MEDIA_URL) {
                throw Open311Exception.badRequest("media_url: must be an http(s) URL of at most " + MAX_MEDIA_URL
                        + " characters");
            }
            return value;
        } catch (URISyntaxException e) {
            throw Open311Exception.badRequest("media_url: is not a URL");
        }
    }
}
