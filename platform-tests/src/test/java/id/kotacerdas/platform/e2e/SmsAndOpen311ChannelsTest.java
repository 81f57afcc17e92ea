package id.kotacerdas.platform.e2e;

import static id.kotacerdas.platform.e2e.RunningPlatform.eventually;
import static id.kotacerdas.platform.e2e.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The other ways in: a citizen's plain SMS to the short number, and an Open311 GeoReport v2 client. */
@org.junit.jupiter.api.Order(2)
class SmsAndOpen311ChannelsTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Pattern TRACKING_NUMBER = Pattern.compile("MMK-\\d{4}-\\d{6}");
    private static RunningPlatform platform;

    @BeforeAll
    static void platform() throws Exception {
        platform = RunningPlatform.get();
    }

    @Test
    void aReportSentAsPlainSmsIsAnsweredWithItsTrackingNumberAndCekAnswersItsStatus() throws Exception {
        String citizen = CitizenReportJourneyTest.randomPhone();
        // longer than one SMS: the handset sends it in parts, which notification-service puts back together
        String description = "Jalan berlubang besar di depan pasar lama, sudah tiga minggu tidak diperbaiki, motor "
                + "warga sering jatuh saat hujan malam hari. Mohon dinas PUPR segera menambal sebelum ada korban.";
        platform.textFromCitizen(citizen, "1708", "LAPOR#jalan#Jl. Cenderawasih#" + description);

        String trackingNumber = eventually("an SMS with a tracking number to " + citizen, WAIT,
                () -> trackingNumbersTextedTo(citizen).stream().findFirst().orElse(null));
        JsonNode report = json(platform.get("/api/v1/reports/" + trackingNumber, null));
        assertThat(report.path("channel").asString()).isEqualTo("SMS");
        assertThat(report.path("serviceCode").asString()).isEqualTo("jalan-rusak");
        assertThat(report.path("description").asString()).isEqualTo(description);

        int before = platform.smsTo(citizen).size();
        platform.textFromCitizen(citizen, "1708", "CEK " + trackingNumber);
        List<JsonNode> after = eventually("a status SMS for " + trackingNumber, WAIT, () -> {
            List<JsonNode> all = platform.smsTo(citizen);
            return all.size() > before ? all : null;
        });
        // newest first: the status answer names the report
        assertThat(after.get(0).path("text").asString()).contains(trackingNumber);
        System.out.printf("[e2e] SMS report %s: %d SMS replies to the citizen%n", trackingNumber, after.size());
    }

    @Test
    void aTextTheSmscDeliversTwiceBecomesOneReportWithOneTrackingNumber() throws Exception {
        String citizen = CitizenReportJourneyTest.randomPhone();
        String text = "LAPOR#lampu#Jl. Yos Sudarso#Lampu jalan mati sejak minggu lalu di depan sekolah";
        platform.textFromCitizen(citizen, "1708", text);
        String trackingNumber = eventually("an SMS with a tracking number to " + citizen, WAIT,
                () -> trackingNumbersTextedTo(citizen).stream().findFirst().orElse(null));

        // the same deliver_sm again, as an SMSC sends it when notification-service's deliver_sm_resp was lost
        platform.textFromCitizen(citizen, "1708", text);
        Thread.sleep(5_000); // as long as the first text took to be answered, and more

        assertThat(trackingNumbersTextedTo(citizen)).containsExactly(trackingNumber);
    }

    /** Every tracking number in the SMS the citizen received. */
    private static Set<String> trackingNumbersTextedTo(String citizen) throws Exception {
        Set<String> trackingNumbers = new HashSet<>();
        for (JsonNode sms : platform.smsTo(citizen)) {
            Matcher m = TRACKING_NUMBER.matcher(sms.path("text").asString());
            while (m.find()) {
                trackingNumbers.add(m.group());
            }
        }
        return trackingNumbers;
    }

    @Test
    void anOpen311ClientCreatesARequestAndReadsItBackAsJsonAndXml() throws Exception {
        String description = "Jalan berlubang di depan SD Inpres " + UUID.randomUUID();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", platform.key("DEMO_CITIZEN_APP_KEY"));
        form.put("jurisdiction_id", "mimika");
        form.put("service_code", "jalan-rusak");
        form.put("lat", "-4.5467");
        form.put("long", "136.8833");
        form.put("address_string", "Jl. Budi Utomo, Timika");
        form.put("email", "warga311@example.id");
        form.put("first_name", "Agustina");
        form.put("description", description);
        HttpResponse<String> created = platform.postForm(RunningPlatform.GATEWAY + "/open311/v2/requests.json", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String id = json(created).get(0).path("service_request_id").asString();
        assertThat(id).matches(TRACKING_NUMBER.pattern());

        HttpResponse<String> asJson = platform.get("/open311/v2/requests/" + id + ".json", null);
        assertThat(asJson.statusCode()).isEqualTo(200);
        JsonNode request = json(asJson).get(0);
        assertThat(request.path("service_request_id").asString()).isEqualTo(id);
        assertThat(request.path("description").asString()).isEqualTo(description);
        assertThat(request.path("status").asString()).isEqualTo("open");
        assertThat(request.toString()).doesNotContain("Agustina").doesNotContain("warga311");

        HttpResponse<String> asXml = platform.get("/open311/v2/requests/" + id + ".xml", null);
        assertThat(asXml.statusCode()).isEqualTo(200);
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(asXml.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(XPathFactory.newInstance().newXPath().evaluate("/service_requests/request/service_request_id", xml))
                .isEqualTo(id);

        // without a valid key the gateway refuses the write
        form.put("api_key", "kc_not-a-key");
        assertThat(platform.postForm(RunningPlatform.GATEWAY + "/open311/v2/requests.json", form).statusCode()).isIn(401, 403);
    }
}
