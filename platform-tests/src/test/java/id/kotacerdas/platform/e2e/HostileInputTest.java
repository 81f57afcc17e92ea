package id.kotacerdas.platform.e2e;

import static id.kotacerdas.platform.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A corpus of hostile input against every public write and search endpoint, through the gateway with valid keys:
 * each one must be refused with a 4xx problem document (the Open311 error list on {@code /open311/v2}), nothing may
 * be stored, and every service must still be healthy afterwards.
 */
@org.junit.jupiter.api.Order(4)
class HostileInputTest {

    private static final String VALID_REPORT = """
            {"jurisdiction":"mimika","type":"ADUAN","serviceCode":"jalan-rusak","description":"Jalan berlubang",
             "location":{"latitude":-4.5467,"longitude":136.8833},
             "reporter":{"name":"Yosef","phone":"+6281234500000","preferredChannel":"SMS","locale":"id"}}""";

    private static final String OPEN311_MARKER = "probe-open311";
    private static RunningPlatform platform;
    private static Outcome outcome;

    /** What the corpus run found: inputs tried per endpoint, answers that were not a 4xx problem, stored counts. */
    record Outcome(Map<String, Integer> tried, List<String> notRefusedAsProblem, List<String> serverErrors,
                   long reportsBefore, long reportsAfter, long open311Before, long open311After, int agenciesBefore,
                   int agenciesAfter, List<String> unhealthy) {
    }

    private final Map<String, Integer> tried = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> serverErrors = new ArrayList<>();

    @BeforeAll
    static void runTheCorpusOnce() throws Exception {
        platform = RunningPlatform.get();
        outcome = new HostileInputTest().run();
    }

    @Test
    void noHostileInputCausesAServerErrorOrHarmsAService() {
        assertThat(outcome.serverErrors()).as("5xx answers or dropped connections").isEmpty();
        assertThat(outcome.unhealthy()).as("services not ready after the corpus").isEmpty();
    }

    /**
     * The full promise of issue #8: every input refused with a 4xx problem and nothing stored. On by default
     * ({@code hostile.strict} in the module's pom); {@code -Dhostile.strict=false} keeps only the no-5xx check.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "hostile.strict", matches = "true")
    void everyHostileInputIsRefusedWithA4xxProblemAndNothingIsStored() {
        assertThat(outcome.notRefusedAsProblem()).as("inputs not refused with a 4xx problem").isEmpty();
        assertThat(outcome.reportsAfter()).as("reports stored").isEqualTo(outcome.reportsBefore());
        assertThat(outcome.open311After()).as("Open311 requests stored").isEqualTo(outcome.open311Before());
        assertThat(outcome.agenciesAfter()).as("agencies stored").isEqualTo(outcome.agenciesBefore());
    }

    @Test
    void hostileInputStoresNoAgencyAndNoOpen311Request() {
        assertThat(outcome.open311After()).as("Open311 requests stored").isEqualTo(outcome.open311Before());
        assertThat(outcome.agenciesAfter()).as("agencies stored").isEqualTo(outcome.agenciesBefore());
    }

    private Outcome run() throws Exception {
        String citizen = platform.key("DEMO_CITIZEN_APP_KEY");
        String operator = platform.key("DEMO_OPERATOR_KEY");
        String staff = platform.key("DEMO_AGENCY_STAFF_KEY");
        String admin = platform.key("DEMO_ELECTION_ADMIN_KEY");
        String officer = platform.key("DEMO_TPS_OFFICER_KEY");
        long reportsBefore = reportCount();
        long open311Before = open311Count();
        int agenciesBefore = json(platform.get("/api/v1/agencies", operator)).size();

        for (String body : reportBodies()) {
            jsonBody("POST /api/v1/reports", "POST", "/api/v1/reports", citizen, body);
        }
        for (String query : searchQueries()) {
            problem("GET /api/v1/reports?…", "GET", "/api/v1/reports?" + query, citizen, null, null);
        }
        for (String segment : hostileSegments()) {
            problem("GET /api/v1/reports/{trackingNumber}", "GET", "/api/v1/reports/" + segment, citizen, null, null);
        }
        for (Map<String, String> form : open311Forms(citizen)) {
            open311("POST /open311/v2/requests.json", form);
        }
        for (String query : open311Queries()) {
            open311Get("GET /open311/v2/requests.json?…", "/open311/v2/requests.json?" + query);
        }
        for (String segment : hostileSegments()) {
            open311Get("GET /open311/v2/requests/{id}.json", "/open311/v2/requests/" + segment + ".json");
        }
        String assignment = "/api/v1/assignments/" + encode("MMK-does-not-exist");
        for (String body : assignmentBodies()) {
            jsonBody("POST /api/v1/assignments/{id}/resolve", "POST", assignment + "/resolve", staff, body);
            jsonBody("POST /api/v1/assignments/{id}/notes", "POST", assignment + "/notes", staff, body);
        }
        for (String segment : hostileSegments()) {
            problem("POST /api/v1/assignments/{id}/acknowledge", "POST", "/api/v1/assignments/" + segment + "/acknowledge",
                    staff, "application/json", "{}");
        }
        for (String body : agencyBodies()) {
            jsonBody("POST /api/v1/agencies", "POST", "/api/v1/agencies", operator, body);
        }
        for (String query : List.of("", "recipient=", "requestId=%7B%22$gt%22:%22%22%7D&recipient=x", "recipient=../../etc/passwd%00",
                "recipient=" + "9".repeat(5000))) {
            problem("GET /api/v1/notifications?…", "GET", "/api/v1/notifications?" + query, operator, null, null);
        }
        for (String body : electionBodies()) {
            jsonBody("POST /api/v1/elections", "POST", "/api/v1/elections", admin, body);
        }
        // a real election in DRAFT, so that the voter-roll files are actually read and checked
        String draft = "/api/v1/elections/" + PilkadesThroughTheGatewayTest.create(admin, List.of("wali-satu"));
        for (String csv : voterRolls()) {
            problem("POST /api/v1/elections/{id}/voter-roll/imports", "POST", draft + "/voter-roll/imports", admin, "text/csv", csv);
        }
        String election = "/api/v1/elections/pilkades-mimika-2026";
        for (String csv : voterRolls()) {
            problem("POST /api/v1/elections/{id}/voter-roll/imports", "POST", election + "/voter-roll/imports", admin, "text/csv", csv);
        }
        for (String body : checkInBodies()) {
            jsonBody("POST /api/v1/elections/{id}/check-ins", "POST", election + "/check-ins", officer, body);
        }
        for (String body : ballotBodies()) {
            jsonBody("POST /api/v1/elections/{id}/ballots", "POST", election + "/ballots", null, body);
        }

        Outcome result = new Outcome(tried, failures, serverErrors, reportsBefore, reportCount(), open311Before, open311Count(),
                agenciesBefore, json(platform.get("/api/v1/agencies", operator)).size(), platform.unhealthyServices());
        tried.forEach((endpoint, count) -> System.out.printf("[hostile] %-52s %4d inputs%n", endpoint, count));
        System.out.printf("[hostile] total %d inputs; %d not answered as a 4xx problem, of them %d server errors; "
                        + "reports stored %d, Open311 requests stored %d, agencies stored %d; unhealthy afterwards %s%n",
                tried.values().stream().mapToInt(Integer::intValue).sum(), failures.size(), serverErrors.size(),
                result.reportsAfter() - reportsBefore, result.open311After() - open311Before,
                result.agenciesAfter() - agenciesBefore, result.unhealthy());
        failures.forEach(f -> System.out.println("[hostile] NOT A 4xx PROBLEM: " + f));
        return result;
    }

    // ---- the corpus ----

    private static List<String> reportBodies() {
        List<String> bodies = new ArrayList<>(commonMalformedJson());
        for (int cut : new int[] {1, 10, 40, 80, 120, VALID_REPORT.length() - 1}) {
            bodies.add(VALID_REPORT.substring(0, cut));
        }
        // wrong types
        bodies.add(VALID_REPORT.replace("\"mimika\"", "123"));
        bodies.add(VALID_REPORT.replace("\"mimika\"", "[\"mimika\"]"));
        bodies.add(VALID_REPORT.replace("\"ADUAN\"", "\"SERANGAN\""));
        bodies.add(VALID_REPORT.replace("-4.5467", "\"minus four\""));
        bodies.add(VALID_REPORT.replace("\"reporter\":{", "\"reporter\":\"me\",\"x\":{"));
        bodies.add(VALID_REPORT.replace("\"Jalan berlubang\"", "{\"text\":\"x\"}"));
        bodies.add(VALID_REPORT.replace("\"SMS\"", "\"PIGEON\""));
        // missing fields
        bodies.add(VALID_REPORT.replace("\"jurisdiction\":\"mimika\",", ""));
        bodies.add(VALID_REPORT.replace("\"serviceCode\":\"jalan-rusak\",", ""));
        bodies.add(VALID_REPORT.replace("\"description\":\"Jalan berlubang\",", ""));
        bodies.add(VALID_REPORT.replace("\"location\":{\"latitude\":-4.5467,\"longitude\":136.8833},", ""));
        bodies.add("{}");
        // huge
        bodies.add(VALID_REPORT.replace("Jalan berlubang", "x".repeat(4001)));
        bodies.add(VALID_REPORT.replace("Jalan berlubang", "y".repeat(70_000)));
        bodies.add(VALID_REPORT.replace("Jalan berlubang", "z".repeat(2_000_000)));
        bodies.add(VALID_REPORT.replace("\"Yosef\"", "\"" + "n".repeat(100_000) + "\""));
        // deeply nested
        bodies.add(VALID_REPORT.replace("\"Jalan berlubang\"", "[".repeat(5000) + "]".repeat(5000)));
        bodies.add(VALID_REPORT.replace("{\"latitude\"", "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + ",\"latitude\""));
        // unicode edge cases where they make a value invalid
        bodies.add(VALID_REPORT.replace("\"mimika\"", "\"mimika\\u0000\""));
        bodies.add(VALID_REPORT.replace("\"jalan-rusak\"", "\"jalan-rusak\\u202e\""));
        bodies.add(VALID_REPORT.replace("\"jalan-rusak\"", "\"jalan\\u0301-rusak\""));
        bodies.add(VALID_REPORT.replace("\"Jalan berlubang\"", "\"\\ud800 lone surrogate\""));
        bodies.add(VALID_REPORT.replace("\"Jalan berlubang\"", "\"\\udfff\\ud800\""));
        bodies.add(VALID_REPORT.replace("+6281234500000", "+62812345\uD83D\uDE00"));
        bodies.add(VALID_REPORT.replace("\"preferredChannel\"", "\"email\":\"a\u0301@\u202eexample.id\",\"preferredChannel\""));
        bodies.add(VALID_REPORT.replace("\"jalan-rusak\"", "\"\u0627\u0644\u0637\u0631\u064a\u0642\""));
        // MongoDB operators in values and keys
        bodies.add(VALID_REPORT.replace("\"mimika\"", "{\"$gt\":\"\"}"));
        bodies.add(VALID_REPORT.replace("\"jalan-rusak\"", "{\"$where\":\"sleep(5000)\"}"));
        bodies.add(VALID_REPORT.replace("\"jalan-rusak\"", "\"$where\""));
        bodies.add(VALID_REPORT.replace("\"mimika\"", "\"$gt\""));
        bodies.add(VALID_REPORT.replace("\"location\"", "\"attributes\":{\"$where\":\"1==1\"},\"location\""));
        bodies.add(VALID_REPORT.replace("\"location\"", "\"attributes\":{\"a.b\":\"x\"},\"location\""));
        bodies.add(VALID_REPORT.replace("\"location\"", "\"attributes\":{\"$set\":{\"status\":\"CLOSED\"}},\"location\""));
        bodies.add(VALID_REPORT.replace("-4.5467", "{\"$gt\":-90}"));
        // path traversal in names
        bodies.add(VALID_REPORT.replace("\"jalan-rusak\"", "\"../../etc/passwd\""));
        bodies.add(VALID_REPORT.replace("\"mimika\"", "\"..%2f..%2fadmin\""));
        bodies.add(VALID_REPORT.replace("\"mimika\"", "\"mimika/../banyuasin\""));
        // coordinates out of range or outside the jurisdiction
        bodies.add(VALID_REPORT.replace("-4.5467", "91"));
        bodies.add(VALID_REPORT.replace("-4.5467", "-91"));
        bodies.add(VALID_REPORT.replace("136.8833", "181"));
        bodies.add(VALID_REPORT.replace("136.8833", "-180.5"));
        bodies.add(VALID_REPORT.replace("-4.5467", "-6.9").replace("136.8833", "107.6"));
        bodies.add(VALID_REPORT.replace("-4.5467", "1e309"));
        bodies.add(VALID_REPORT.replace("-4.5467", "NaN"));
        // bad contacts
        bodies.add(VALID_REPORT.replace("+6281234500000", "not a phone"));
        bodies.add(VALID_REPORT.replace("\"preferredChannel\"", "\"email\":\"no-at-sign\",\"preferredChannel\""));
        return bodies;
    }

    private static List<String> commonMalformedJson() {
        return List.of("", "{", "}", "[", "null", "\"text\"", "123", "{\"a\":1,}", "{'single':'quotes'}", "{\"a\" 1}",
                "\u0000\u0000", "\uFEFF{}x", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated}", "<xml/>", "[1,2,3]");
    }

    private static List<String> searchQueries() {
        return List.of("jurisdiction[$gt]=", "jurisdiction=%7B%22$gt%22:%22%22%7D", "status=EVERYTHING", "page=-1", "size=100000",
                "size=abc", "from=yesterday", "to=2026-13-45", "lat=91&lon=0&radius=10", "lat=abc&lon=1&radius=1",
                "lat=-4.5&lon=136.8&radius=-5", "jurisdiction=../../etc", "serviceCode=%00", "jurisdiction=" + "a".repeat(10_000),
                "status=%E2%80%AEDETUOR", "page=99999999999999999999");
    }

    private static List<String> hostileSegments() {
        return List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "MMK-2026-%00", "%7B%22$gt%22:%22%22%7D", "MMK%2F..%2F..%2Factuator",
                "$where", "MMK-2026-" + "9".repeat(3000), "%F0%9F%98%80", "%ED%A0%80");
    }

    private static List<Map<String, String>> open311Forms(String key) {
        List<Map<String, String>> forms = new ArrayList<>();
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("api_key", key);
        valid.put("jurisdiction_id", "mimika");
        valid.put("service_code", "jalan-rusak");
        valid.put("lat", "-4.5467");
        valid.put("long", "136.8833");
        valid.put("description", OPEN311_MARKER + " jalan berlubang");
        String[][] changes = {
                {"jurisdiction_id", null}, {"service_code", null}, {"description", null}, {"lat", null},
                {"jurisdiction_id", "$gt"}, {"jurisdiction_id", "../../etc/passwd"}, {"service_code", "{\"$where\":\"1\"}"},
                {"service_code", "../jalan-rusak"}, {"lat", "91"}, {"long", "181"}, {"lat", "abc"}, {"lat", "-6.9"},
                {"attribute[$where]", "1"}, {"attribute[a.b]", "x"}, {"phone", "\u202e0812"}, {"email", "x@@y"},
                {"description", OPEN311_MARKER + "d".repeat(4001)}, {"jurisdiction_id", "mimika\u0000"}, {"service_code", "jalan\u0301-rusak"},
                {"type", "SERANGAN"}, {"media_url", "javascript:alert(1)"}};
        for (String[] change : changes) {
            Map<String, String> form = new LinkedHashMap<>(valid);
            if (change[1] == null) {
                form.remove(change[0]);
            } else {
                form.put(change[0], change[1]);
            }
            forms.add(form);
        }
        return forms;
    }

    private static List<String> open311Queries() {
        return List.of("status=everything", "start_date=yesterday", "end_date=2026-13-45T00:00:00Z", "page=0", "page_size=100000",
                "page=abc", "jurisdiction_id=../../etc", "service_code[$gt]=", "jurisdiction_id=%00");
    }

    private static List<String> assignmentBodies() {
        List<String> bodies = new ArrayList<>(commonMalformedJson());
        bodies.addAll(List.of("{\"note\":{\"$gt\":\"\"}}", "{\"note\":\"\"}", "{\"note\":\"" + "n".repeat(4001) + "\"}",
                "{\"note\":\"x\",\"photoUrl\":\"file:///etc/passwd\"}", "{\"visibility\":\"$where\",\"text\":\"x\"}",
                "{\"note\":\"\\ud800\"}", "{\"note\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
        return bodies;
    }

    private static List<String> agencyBodies() {
        List<String> bodies = new ArrayList<>(commonMalformedJson());
        bodies.addAll(List.of("{}", "{\"id\":{\"$gt\":\"\"},\"name\":\"x\",\"jurisdictionId\":\"mimika\"}",
                "{\"id\":\"../../etc\",\"name\":\"x\",\"jurisdictionId\":\"mimika\"}",
                "{\"id\":\"mimika-x\",\"name\":\"" + "n".repeat(100_000) + "\",\"jurisdictionId\":\"mimika\"}",
                "{\"id\":\"mimika-x.y\",\"name\":\"x\",\"jurisdictionId\":\"$where\"}"));
        return bodies;
    }

    private static List<String> electionBodies() {
        List<String> bodies = new ArrayList<>(commonMalformedJson());
        bodies.addAll(List.of("{}", "{\"jurisdictionId\":{\"$gt\":\"\"},\"name\":\"x\"}",
                "{\"jurisdictionId\":\"mimika\",\"name\":\"x\",\"date\":\"not-a-date\"}",
                "{\"jurisdictionId\":\"../../etc\",\"name\":\"\\ud800\",\"villages\":[]}",
                "{\"jurisdictionId\":\"mimika\",\"villages\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
        return bodies;
    }

    private static List<String> voterRolls() {
        String header = "nik,nama,tanggal_lahir,jenis_kelamin,desa,tps,telepon\n";
        return List.of("", header + "9171014101900001,\"Unclosed quote,1990-01-01,L,v1,tps-001,\n",
                header + "9171014101900001,Na\"me\",1990-01-01,L,v1,tps-001,\n",
                header + "12345,Budi,1990-01-01,L,v1,tps-001,\n",
                header + "abcdefghijklmnop,Budi,1990-01-01,L,v1,tps-001,\n",
                header + "9171010101900000,Budi,1990-01-01,L,v1,tps-001,\n",
                header + "$where,{\"$gt\":\"\"},1990-01-01,L,../../etc,tps-001,\n",
                "\u0000\u0000\u0000", "nik;nama\n\"\"\"\n");
    }

    private static List<String> checkInBodies() {
        List<String> bodies = new ArrayList<>(commonMalformedJson());
        bodies.addAll(List.of("{}", "{\"nik\":\"12345\"}", "{\"nik\":\"abcdefghijklmnop\"}", "{\"nik\":{\"$gt\":\"\"}}",
                "{\"nik\":\"9171010101900000\"}", "{\"nik\":\"91710141019000011\"}", "{\"nik\":\"９１７１０１４１０１９０００１\"}",
                "{\"nik\":\"9171014101900001\\u0000\"}", "{\"nik\":1234567890123456}"));
        return bodies;
    }

    private static List<String> ballotBodies() {
        List<String> bodies = new ArrayList<>(commonMalformedJson());
        bodies.addAll(List.of("{}", "{\"token\":{\"$gt\":\"\"},\"ballot\":{}}", "{\"token\":\"x\",\"ballot\":\"not a ballot\"}",
                "{\"token\":\"x\",\"ballot\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
        return bodies;
    }

    // ---- probing ----

    private void jsonBody(String endpoint, String method, String path, String key, String body) throws Exception {
        problem(endpoint, method, path, key, "application/json", body);
    }

    private void problem(String endpoint, String method, String path, String key, String contentType, String body) throws Exception {
        tried.merge(endpoint, 1, Integer::sum);
        HttpResponse<String> answer = send(method, path, key, contentType, body);
        if (answer == null) {
            return;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
            failures.add(describe(endpoint, body == null ? path : body, answer));
        }
        if (answer.statusCode() >= 500) {
            serverErrors.add(describe(endpoint, body == null ? path : body, answer));
        }
    }

    private void open311(String endpoint, Map<String, String> form) throws Exception {
        tried.merge(endpoint, 1, Integer::sum);
        HttpResponse<String> answer = platform.postForm(RunningPlatform.GATEWAY + "/open311/v2/requests.json", form);
        checkOpen311(endpoint, form.toString(), answer);
    }

    private void open311Get(String endpoint, String path) throws Exception {
        tried.merge(endpoint, 1, Integer::sum);
        HttpResponse<String> answer = send("GET", path, null, null, null);
        if (answer != null) {
            checkOpen311(endpoint, path, answer);
        }
    }

    private void checkOpen311(String endpoint, String input, HttpResponse<String> answer) {
        boolean errorList = false;
        try {
            JsonNode errors = json(answer);
            errorList = errors.isArray() && !errors.isEmpty() && errors.get(0).has("code") && errors.get(0).has("description");
        } catch (RuntimeException notJson) {
            errorList = false;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        boolean gatewayProblem = type.startsWith("application/problem+json");
        if (answer.statusCode() < 400 || answer.statusCode() >= 500 || !(errorList || gatewayProblem)) {
            failures.add(describe(endpoint, input, answer));
        }
        if (answer.statusCode() >= 500) {
            serverErrors.add(describe(endpoint, input, answer));
        }
    }

    private HttpResponse<String> send(String method, String path, String key, String contentType, String body) throws Exception {
        try {
            return platform.send(method, path, key, contentType, body, Map.of());
        } catch (IllegalArgumentException notEvenAUri) {
            // the client library refuses it before it reaches the platform: nothing to check
            return null;
        } catch (java.io.IOException connectionClosed) {
            // a dropped connection tells the client nothing: counted as a server error
            String failure = method + " " + path.substring(0, Math.min(path.length(), 80)) + " → connection failed: " + connectionClosed;
            failures.add(failure);
            serverErrors.add(failure);
            return null;
        }
    }

    private static String describe(String endpoint, String input, HttpResponse<String> answer) {
        String shown = input.length() > 120 ? input.substring(0, 120) + "…(" + input.length() + " chars)" : input;
        String body = answer.body().length() > 200 ? answer.body().substring(0, 200) + "…" : answer.body();
        return endpoint + " input " + shown + " → " + answer.statusCode() + " "
                + answer.headers().firstValue("Content-Type").orElse("(no type)") + " " + body;
    }

    private static long reportCount() throws Exception {
        return json(platform.get("/api/v1/reports?jurisdiction=mimika&size=1", null)).path("total").asLong();
    }

    private static long open311Count() throws Exception {
        long count = 0;
        for (JsonNode request : json(platform.get("/open311/v2/requests.json?jurisdiction_id=mimika&page_size=1000", null))) {
            count += request.path("description").asString("").contains(OPEN311_MARKER) ? 1 : 0;
        }
        return count;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
