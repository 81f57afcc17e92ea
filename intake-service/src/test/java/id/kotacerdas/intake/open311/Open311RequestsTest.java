package id.kotacerdas.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.contracts.assignment.ReportRejected;
import id.kotacerdas.contracts.assignment.ReportResolved;
import id.kotacerdas.contracts.assignment.ReportRouted;
import tools.jackson.databind.JsonNode;

/** GeoReport v2 conformance: creating and reading service requests, JSON and XML, and the error cases. */
class Open311RequestsTest extends Open311Calls {

    @Test
    void aPostedRequestCanBeReadBackByIdByListAndByTokenInBothFormats() {
        String description = "Jalan berlubang di depan sekolah " + UUID.randomUUID();
        double[] spot = spotInBanyuasin();
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(
                field("api_key", "ignored-here-the-gateway-checks-it"),
                field("jurisdiction_id", "banyuasin"),
                field("service_code", "jalan-rusak"),
                field("attribute[tingkat-kerusakan]", "berat"),
                field("lat", String.valueOf(spot[0])),
                field("long", String.valueOf(spot[1])),
                field("address_string", "Jl. Merdeka, Pangkalan Balai"),
                field("email", "warga@example.id"),
                field("device_id", "device-1"),
                field("account_id", "acct-42"),
                field("first_name", "Siti"),
                field("last_name", "Aminah"),
                field("phone", "0812 7777 1234"),
                field("description", description),
                field("media_url", "https://photos.example.id/lubang.jpg"),
                field("address_id", "")));
        Answer created = postForm("/open311/v2/requests.json", form, as(APP));

        assertThat(created.status()).isEqualTo(200);
        JsonNode receipt = created.json().get(0);
        String id = receipt.get("service_request_id").asString();
        String token = receipt.get("token").asString();
        assertThat(id).matches("BYS-\\d{4}-\\d{6}");
        assertThat(receipt.get("account_id").asString()).isEqualTo("acct-42");
        assertThat(receipt.has("service_notice")).isTrue();

        JsonNode request = get("/open311/v2/requests/" + id + ".json").json().get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("jalan-rusak");
        assertThat(request.get("service_name").asString()).isEqualTo("Jalan rusak");
        assertThat(request.get("description").asString()).isEqualTo(description);
        assertThat(request.get("address").asString()).isEqualTo("Jl. Merdeka, Pangkalan Balai");
        assertThat(request.get("lat").asDouble()).isEqualTo(spot[0]);
        assertThat(request.get("long").asDouble()).isEqualTo(spot[1]);
        assertThat(request.get("media_url").asString()).isEqualTo("https://photos.example.id/lubang.jpg");
        assertThat(request.get("requested_datetime").asString()).endsWith("+07:00");
        assertThat(OffsetDateTime.parse(request.get("updated_datetime").asString())).isNotNull();
        assertThat(request.has("agency_responsible")).isTrue();
        assertThat(request.has("expected_datetime")).isTrue();
        assertThat(request.toString()).doesNotContain("Siti").doesNotContain("Aminah").doesNotContain("7777")
                .doesNotContain("warga@");

        org.w3c.dom.Document xml = xml(get("/open311/v2/requests/" + id + ".xml"));
        assertThat(text(xml, "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(text(xml, "/service_requests/request/status")).isEqualTo("open");
        assertThat(text(xml, "/service_requests/request/lat")).isEqualTo(String.valueOf(spot[0]));
        assertThat(count(xml, "/service_requests/request/agency_responsible")).isEqualTo(1);

        org.w3c.dom.Document byToken = xml(get("/open311/v2/tokens/" + token + ".xml"));
        assertThat(text(byToken, "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(text(byToken, "/service_requests/request/token")).isEqualTo(token);
        assertThat(get("/open311/v2/tokens/" + token + ".json").json().get(0).get("service_request_id").asString())
                .isEqualTo(id);

        Document stored = mongo.getCollection("reports").find(new Document("trackingNumber", id)).first();
        assertThat(stored.getString("channel")).isEqualTo("OPEN311");
        assertThat(stored.get("attributes", Document.class).getString("tingkat-kerusakan")).isEqualTo("berat");
        assertThat(stored.toJson()).doesNotContain("Aminah").doesNotContain("warga@");
    }

    @Test
    void theXmlPostAnswersTheSpecsServiceRequestsList() {
        Answer created = postForm("/open311/v2/requests.xml", minimalForm("sampah", "Sampah menumpuk di pasar"),
                as(APP));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("Content-Type")).startsWith("text/xml");
        org.w3c.dom.Document xml = xml(created);
        assertThat(text(xml, "/service_requests/request/service_request_id")).startsWith("BYS-");
        assertThat(text(xml, "/service_requests/request/token")).isNotBlank();
        assertThat(count(xml, "/service_requests/request/service_notice")).isEqualTo(1);
        assertThat(count(xml, "/service_requests/request/account_id")).isEqualTo(1);
    }

    @Test
    void requestsAreListedByIdsOverridingOtherParametersAndFilteredByCodeStatusAndDates() {
        Instant start = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        String marker = UUID.randomUUID().toString();
        String education = createdId("pendidikan", "Atap sekolah bocor " + marker);
        String order = createdId("ketertiban", "Parkir liar di trotoar " + marker);
        String withdrawn = createdId("pendidikan", "Guru jarang hadir " + marker);
        publishAssignmentEvent(UUID.randomUUID().toString(), new ReportRejected("asg-" + withdrawn,
                reportIdOf(withdrawn), "banyuasin-desk", ReportRejected.RejectionReason.INVALID, "Laporan uji",
                Instant.now()));
        awaitStatus(withdrawn, "closed");

        JsonNode byIds = get("/open311/v2/requests.json?service_request_id=" + order + "," + education
                + ",BYS-1999-000001&service_code=sampah&status=closed").json();
        assertThat(ids(byIds)).containsExactly(order, education);

        String since = "&start_date=" + start;
        JsonNode open = get("/open311/v2/requests.json?jurisdiction_id=banyuasin&service_code=pendidikan&status=open"
                + since).json();
        assertThat(ids(open)).contains(education).doesNotContain(order, withdrawn);
        JsonNode closed = get("/open311/v2/requests.json?jurisdiction_id=banyuasin&service_code=pendidikan"
                + "&status=closed" + since).json();
        assertThat(ids(closed)).contains(withdrawn).doesNotContain(education);
        assertThat(closed.get(0).get("status").asString()).isEqualTo("closed");
        JsonNode twoCodes = get("/open311/v2/requests.json?jurisdiction_id=banyuasin&service_code=pendidikan,ketertiban"
                + since).json();
        assertThat(ids(twoCodes)).contains(education, order, withdrawn);

        JsonNode before = get("/open311/v2/requests.json?jurisdiction_id=banyuasin&end_date="
                + start.minusSeconds(5)).json();
        assertThat(ids(before)).doesNotContain(education, order, withdrawn);

        JsonNode emptiesIgnored = get("/open311/v2/requests.json?jurisdiction_id=banyuasin&service_code=&status="
                + "&end_date=&page=&service_request_id=" + since).json();
        assertThat(ids(emptiesIgnored)).contains(education, order, withdrawn);

        JsonNode firstPage = get("/open311/v2/requests.json?jurisdiction_id=banyuasin&page_size=2&page=1" + since).json();
        JsonNode secondPage = get("/open311/v2/requests.json?jurisdiction_id=banyuasin&page_size=2&page=2" + since)
                .json();
        assertThat(firstPage.size()).isEqualTo(2);
        assertThat(ids(secondPage)).doesNotContainAnyElementsOf(ids(firstPage));

        org.w3c.dom.Document xml = xml(get("/open311/v2/requests.xml?service_request_id=" + education + "," + order));
        assertThat(count(xml, "/service_requests/request")).isEqualTo(2);
    }

    @Test
    void aConfidentialReportIsNeverReturned() {
        String marker = UUID.randomUUID().toString();
        List<Map.Entry<String, String>> form = new ArrayList<>(minimalForm("kesehatan",
                "Petugas puskesmas meminta pungutan " + marker));
        form.add(field("confidential", "true"));
        String id = postForm("/open311/v2/requests.json", form, as(APP)).json().get(0).get("service_request_id")
                .asString();

        assertThat(get("/open311/v2/requests/" + id + ".json").status()).isEqualTo(404);
        assertThat(xml(get("/open311/v2/requests/" + id + ".xml")).getDocumentElement().getNodeName())
                .isEqualTo("errors");
        assertThat(get("/open311/v2/requests.json?service_request_id=" + id).json().size()).isZero();
        assertThat(get("/open311/v2/requests.json?jurisdiction_id=banyuasin&service_code=kesehatan").text())
                .doesNotContain(marker);
    }

    @Test
    void aPostWithoutAnApiKeyIs403InBothFormats() {
        Answer json = postForm("/open311/v2/requests.json", minimalForm("sampah", "Sampah di selokan"));
        assertThat(json.status()).isEqualTo(403);
        assertThat(json.json().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(json.json().get(0).get("description").asString()).contains("api_key");

        Answer xml = postForm("/open311/v2/requests.xml", minimalForm("sampah", "Sampah di selokan"),
                as("agency-staff"));
        assertThat(xml.status()).isEqualTo(403);
        assertThat(text(xml(xml), "/errors/error/code")).isEqualTo("403");
    }

    @Test
    void aPostMissingRequiredFieldsIs400ListingEachOneAndStoresNothing() {
        long before = mongo.getCollection("reports").countDocuments();
        Answer json = postForm("/open311/v2/requests.json", List.of(field("jurisdiction_id", ""),
                field("service_code", ""), field("description", "  ")), as(APP));
        assertThat(json.status()).isEqualTo(400);
        List<String> descriptions = new ArrayList<>();
        json.json().forEach(error -> {
            assertThat(error.get("code").asInt()).isEqualTo(400);
            descriptions.add(error.get("description").asString());
        });
        assertThat(descriptions).hasSize(4);
        assertThat(String.join("|", descriptions)).contains("jurisdiction_id", "service_code", "lat", "description");

        Answer xml = postForm("/open311/v2/requests.xml", List.of(field("jurisdiction_id", "banyuasin")), as(APP));
        assertThat(xml.status()).isEqualTo(400);
        assertThat(count(xml(xml), "/errors/error")).isEqualTo(3);
        assertThat(mongo.getCollection("reports").countDocuments()).isEqualTo(before);
    }

    @Test
    void anUnknownServiceCodeOrBadAttributeOrPlaceOnPostIs400NamingTheOpen311Field() {
        Answer unknown = postForm("/open311/v2/requests.json", minimalForm("tidak-ada", "Sesuatu rusak"), as(APP));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get(0).get("description").asString()).startsWith("service_code");

        List<Map.Entry<String, String>> badAttribute = new ArrayList<>(minimalForm("jalan-rusak", "Jalan retak"));
        badAttribute.add(field("attribute[tingkat-kerusakan]", "parah-sekali"));
        Answer attribute = postForm("/open311/v2/requests.xml", badAttribute, as(APP));
        assertThat(attribute.status()).isEqualTo(400);
        assertThat(text(xml(attribute), "/errors/error/description")).startsWith("attribute[tingkat-kerusakan]");

        Answer outside = postForm("/open311/v2/requests.json", List.of(field("jurisdiction_id", "banyuasin"),
                field("service_code", "sampah"), field("description", "Sampah"), field("lat", "-6.9"),
                field("long", "107.6")), as(APP));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().toString()).contains("lat: lies outside").contains("long: lies outside");

        Answer notANumber = postForm("/open311/v2/requests.json", List.of(field("jurisdiction_id", "banyuasin"),
                field("service_code", "sampah"), field("description", "Sampah"), field("lat", "{\"$gt\": \"\"}"),
                field("long", "104.5")), as(APP));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get(0).get("description").asString()).startsWith("lat");
    }

    @Test
    void badDatesStatusesAndPagesAre400() {
        Answer notADate = get("/open311/v2/requests.json?start_date=kemarin");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get(0).get("description").asString()).startsWith("start_date");

        Answer withoutZone = get("/open311/v2/requests.xml?end_date=2026-11-05T08:15:30");
        assertThat(withoutZone.status()).isEqualTo(400);
        assertThat(text(xml(withoutZone), "/errors/error/description")).startsWith("end_date");

        assertThat(get("/open311/v2/requests.json?start_date=2026-11-05T00:00:00Z&end_date=2026-11-01T00:00:00Z")
                .status()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?status=pending").status()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?page_size=1001").status()).isEqualTo(400);
        assertThat(get("/open311/v2/requests.json?page=0").status()).isEqualTo(400);
    }

    @Test
    void unknownRequestsAndTokensAre404InBothFormats() {
        Answer request = get("/open311/v2/requests/BYS-1999-000001.json");
        assertThat(request.status()).isEqualTo(404);
        assertThat(request.json().get(0).get("code").asInt()).isEqualTo(404);
        Answer token = get("/open311/v2/tokens/" + UUID.randomUUID() + ".xml");
        assertThat(token.status()).isEqualTo(404);
        assertThat(text(xml(token), "/errors/error/code")).isEqualTo("404");
    }

    @Test
    void statusAgencyAndNotesFollowTheReportsStory() {
        String id = createdId("drainase", "Selokan tersumbat " + UUID.randomUUID());
        String reportId = reportIdOf(id);
        Instant now = Instant.now();
        publishAssignmentEvent(UUID.randomUUID().toString(), new ReportRouted("asg-" + reportId, reportId, id,
                "banyuasin", "banyuasin-dinas-pupr", "Dinas PUPR Kabupaten Banyuasin", "rule-drainase", 1,
                Priority.NORMAL, null, now.plus(3, ChronoUnit.DAYS), now.plus(8, ChronoUnit.DAYS), now));
        JsonNode routed = awaitStatus(id, "open", "Dinas PUPR Kabupaten Banyuasin");
        assertThat(routed.get("status_notes").asString()).isEqualTo("Dinas PUPR Kabupaten Banyuasin");
        assertThat(routed.get("expected_datetime").asString()).as("the resolution deadline, in Banyuasin's WIB")
                .endsWith("+07:00");
        assertThat(OffsetDateTime.parse(routed.get("expected_datetime").asString()).toInstant())
                .isEqualTo(now.plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

        publishAssignmentEvent(UUID.randomUUID().toString(), new ReportResolved("asg-" + reportId, reportId,
                "banyuasin-dinas-pupr", "Selokan sudah dibersihkan", Instant.now(),
                Instant.now().plus(Duration.ofDays(14))));
        JsonNode resolved = awaitStatus(id, "closed");
        assertThat(resolved.get("status_notes").asString()).isEqualTo("Selokan sudah dibersihkan");
        assertThat(resolved.get("agency_responsible").asString()).isEqualTo("Dinas PUPR Kabupaten Banyuasin");
        assertThat(resolved.get("expected_datetime").isNull()).as("nothing more to expect once closed").isTrue();
        assertThat(OffsetDateTime.parse(resolved.get("updated_datetime").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(resolved.get("requested_datetime").asString()));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyAnswersTheSameRequest() {
        List<Map.Entry<String, String>> form = minimalForm("air-bersih", "Pipa PDAM bocor " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Answer first = postForm("/open311/v2/requests.json", form, with(as(APP), "Idempotency-Key", key));
        Answer retry = postForm("/open311/v2/requests.json", form, with(as(APP), "Idempotency-Key", key));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get(0).get("service_request_id").asString())
                .isEqualTo(first.json().get(0).get("service_request_id").asString());
        assertThat(retry.json().get(0).get("token").asString()).isEqualTo(first.json().get(0).get("token").asString());
    }

    /** Waits until GET requests/{id} shows the status (and agency), and returns that request. */
    private JsonNode awaitStatus(String id, String status, String... agency) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode request = get("/open311/v2/requests/" + id + ".json").json().get(0);
            JsonNode shownAgency = request.get("agency_responsible");
            boolean agencyShown = agency.length == 0 || !shownAgency.isNull() && agency[0].equals(shownAgency.asString());
            if (status.equals(request.get("status").asString()) && agencyShown) {
                return request;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("request " + id + " never became " + status + ": " + request);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String createdId(String serviceCode, String description) {
        Answer created = postForm("/open311/v2/requests.json", minimalForm(serviceCode, description), as(APP));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().get(0).get("service_request_id").asString();
    }

    private static List<Map.Entry<String, String>> minimalForm(String serviceCode, String description) {
        double[] spot = spotInBanyuasin();
        return List.of(field("jurisdiction_id", "banyuasin"), field("service_code", serviceCode),
                field("description", description), field("lat", String.valueOf(spot[0])),
                field("long", String.valueOf(spot[1])));
    }

    private static double[] spotInBanyuasin() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {-3.2 + random.nextDouble(1.6), 104.1 + random.nextDouble(1.2)};
    }

    private static List<String> ids(JsonNode requests) {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.get("service_request_id").asString()));
        return ids;
    }
}
