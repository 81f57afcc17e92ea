package id.kotacerdas.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.InboundSmsReceived;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.intake.IntakeServiceTest;
import id.kotacerdas.support.events.EventEnvelope;
import id.kotacerdas.testing.RecordedTopics;
import tools.jackson.databind.JsonNode;

/** SMS intake end to end: inbound SMS (Kafka or webhook) to report and reply request. */
class SmsIntakeTest extends IntakeServiceTest {

    private static final String OPERATOR = "operator";

    @Test
    void aStructuredSmsBecomesAReportAndTheSenderIsToldTheTrackingNumber() {
        String sender = freshSender();
        String messageId = "smpp-" + UUID.randomUUID();
        String nationalForm = "0" + sender.substring(3);
        publishInbound(UUID.randomUUID().toString(), new InboundSmsReceived(messageId, nationalForm, "1708",
                "lapor # JALAN # Jl. Yos Sudarso, Timika # aspal berlubang dekat bandara", Instant.now()));

        JsonNode reply = awaitReplyTo(sender);
        assertThat(reply.get("template").asString()).isEqualTo("report-received");
        assertThat(reply.get("channels").toString()).isEqualTo("[\"SMS\"]");
        assertThat(reply.get("recipient").get("phone").asString()).isEqualTo(sender);
        String trackingNumber = reply.get("parameters").get("trackingNumber").asString();
        assertThat(trackingNumber).matches("MMK-\\d{4}-\\d{6}");

        JsonNode report = get("/api/v1/reports/" + trackingNumber).json();
        assertThat(report.get("channel").asString()).isEqualTo("SMS");
        assertThat(report.get("jurisdictionId").asString()).isEqualTo("mimika");
        assertThat(report.get("serviceCode").asString()).isEqualTo("jalan-rusak");
        assertThat(report.get("description").asString()).isEqualTo("aspal berlubang dekat bandara");
        assertThat(report.get("place").get("address").asString()).isEqualTo("Jl. Yos Sudarso, Timika");
        assertThat(report.toString()).doesNotContain(sender.substring(3));

        ConsumerRecord<String, byte[]> submitted = topics.awaitType(NotificationEvents.REQUESTED.type(),
                v -> v.contains(trackingNumber), WAIT);
        assertThat(submitted).isNotNull();
        assertThat(topics.all().stream().filter(r -> r.topic().equals(Topics.REPORTS))
                .map(RecordedTopics::value).filter(v -> v.contains(trackingNumber)))
                .allSatisfy(v -> assertThat(v).doesNotContain(sender.substring(3)));
    }

    @Test
    void freeTextGetsItsCategoryGuessedFromKeywordsOrTheGeneralOne() {
        Answer guessed = inbound("wh-" + UUID.randomUUID(), freshSender(), "+6222300170",
                "Sampah menumpuk di depan pasar, sudah seminggu tidak diangkut");
        assertThat(guessed.status()).isEqualTo(200);
        assertThat(guessed.json().get("outcome").asString()).isEqualTo("REPORTED");
        JsonNode report = get("/api/v1/reports/" + guessed.json().get("trackingNumber").asString()).json();
        assertThat(report.get("serviceCode").asString()).isEqualTo("sampah");
        assertThat(report.get("jurisdictionId").asString()).isEqualTo("bandung");

        Answer general = inbound("wh-" + UUID.randomUUID(), freshSender(), "1708",
                "Mohon perhatian bapak bupati untuk kampung kami");
        JsonNode other = get("/api/v1/reports/" + general.json().get("trackingNumber").asString()).json();
        assertThat(other.get("serviceCode").asString()).isEqualTo("lainnya");
        assertThat(other.get("jurisdictionId").asString()).isEqualTo("mimika");
    }

    @Test
    void aMessageThatCannotBeUnderstoodIsAnsweredWithTheHelpText() {
        String sender = freshSender();
        long reportsBefore = mongo.getCollection("reports").countDocuments();
        publishInbound(UUID.randomUUID().toString(),
                new InboundSmsReceived("smpp-" + UUID.randomUUID(), sender, "1708", "halo?", Instant.now()));

        JsonNode reply = awaitReplyTo(sender);
        assertThat(reply.get("template").asString()).isEqualTo("sms-intake-help");
        assertThat(reply.get("locale").asString()).isEqualTo("id");
        assertThat(mongo.getCollection("reports").countDocuments()).isEqualTo(reportsBefore);
    }

    @Test
    void cekAnswersWithTheReportsStatus() {
        String reporter = freshSender();
        String trackingNumber = inbound("wh-" + UUID.randomUUID(), reporter, "1708",
                "LAPOR#lampu#Jl. Hasanuddin#lampu jalan mati tiga tiang").json().get("trackingNumber").asString();

        String asker = freshSender();
        publishInbound(UUID.randomUUID().toString(), new InboundSmsReceived("smpp-" + UUID.randomUUID(), asker,
                "1708", "cek " + trackingNumber.toLowerCase(), Instant.now()));

        JsonNode reply = awaitReplyTo(asker);
        assertThat(reply.get("template").asString()).isEqualTo("report-status");
        assertThat(reply.get("parameters").get("trackingNumber").asString()).isEqualTo(trackingNumber);
        assertThat(reply.get("parameters").get("status").asString()).isEqualTo("diterima, menunggu diteruskan");
        assertThat(reply.get("parameters").get("agencyName").asString()).isEmpty();

        Answer unknown = inbound("wh-" + UUID.randomUUID(), asker, "1708", "CEK MMK-1999-000001");
        assertThat(unknown.json().get("outcome").asString()).isEqualTo("STATUS_ANSWERED");
    }

    @Test
    void theSameMessageDeliveredTwiceMakesOneReportAndOneReply() {
        String sender = freshSender();
        String messageId = "smpp-" + UUID.randomUUID();
        String text = "LAPOR#banjir#Kampung Nawaripi#selokan tersumbat, air masuk rumah " + messageId;
        InboundSmsReceived sms = new InboundSmsReceived(messageId, sender, "1708", text, Instant.now());
        String firstEvent = UUID.randomUUID().toString();
        String secondEvent = UUID.randomUUID().toString();
        publishInbound(firstEvent, sms);
        publishInbound(secondEvent, sms);
        Answer viaWebhook = inbound(messageId, sender, "1708", text);
        assertThat(viaWebhook.status()).isEqualTo(200);

        String trackingNumber = awaitReplyTo(sender).get("parameters").get("trackingNumber").asString();
        assertThat(viaWebhook.json().get("trackingNumber").asString()).isEqualTo(trackingNumber);
        awaitTrue(() -> processed(firstEvent) && processed(secondEvent));
        awaitTrue(() -> outboxEmpty("reports", new Document("trackingNumber", trackingNumber))
                && outboxEmpty(SmsMessage.COLLECTION, new Document("_id", messageId)));
        pause(Duration.ofSeconds(2));

        assertThat(mongo.getCollection("reports").countDocuments(new Document("description",
                "selokan tersumbat, air masuk rumah " + messageId))).isEqualTo(1);
        assertThat(mongo.getCollection(SmsMessage.COLLECTION).countDocuments(new Document("_id", messageId)))
                .isEqualTo(1);
        assertThat(repliesTo(sender)).hasSize(1);
    }

    @Test
    void aSenderTheReportCannotKeepAsContactIsStillToldTheTrackingNumber() {
        String foreignSender = "+61412" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        String messageId = "wh-" + UUID.randomUUID();
        Answer answer = inbound(messageId, foreignSender, "+62 711 300170", "LAPOR#pdam#Pangkalan Balai#air keruh");

        JsonNode reply = awaitReplyTo(foreignSender);
        assertThat(reply.get("requestId").asString()).isEqualTo("sms:" + messageId + ":reply");
        assertThat(reply.get("template").asString()).isEqualTo("report-received");
        assertThat(reply.get("parameters").get("trackingNumber").asString())
                .isEqualTo(answer.json().get("trackingNumber").asString()).startsWith("BYS-");
        assertThat(reply.get("parameters").get("serviceName").asString()).isEqualTo("Air bersih (PDAM)");
    }

    @Test
    void theWebhookNeedsTheOperatorRoleAndValidFields() {
        String body = webhookBody("wh-" + UUID.randomUUID(), freshSender(), "1708", "halo");
        assertThat(post("/api/v1/sms/inbound", body).status()).isEqualTo(401);
        assertThat(post("/api/v1/sms/inbound", body, as(APP)).status()).isEqualTo(403);

        Answer invalid = post("/api/v1/sms/inbound", """
                {"messageId":"bad id!","from":"tidak","to":"1708"}""", as(OPERATOR));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text()).contains("messageId").contains("from").contains("text");

        Answer injected = post("/api/v1/sms/inbound", """
                {"messageId":{"$gt":""},"from":"081234567890","to":"1708","text":"halo"}""", as(OPERATOR));
        assertThat(injected.status()).isEqualTo(400);
    }

    private Answer inbound(String messageId, String from, String to, String text) {
        Answer answer = post("/api/v1/sms/inbound", webhookBody(messageId, from, to, text), as(OPERATOR));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer;
    }

    private static String webhookBody(String messageId, String from, String to, String text) {
        return JSON.writeValueAsString(java.util.Map.of("messageId", messageId, "from", from, "to", to, "text", text,
                "receivedAt", Instant.now().toString()));
    }

    private void publishInbound(String eventId, InboundSmsReceived sms) {
        EventEnvelope envelope = new EventEnvelope(eventId, "/kota-cerdas/notification-service",
                EventCatalog.forEvent(sms).type(), sms.subject(), Instant.now(), null, EventJson.write(sms));
        try {
            kafka.send(envelope.toRecord(Topics.INBOUND_SMS)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode awaitReplyTo(String phone) {
        ConsumerRecord<String, byte[]> record = topics.awaitType(NotificationEvents.REQUESTED.type(),
                v -> v.contains("\"" + phone + "\""), WAIT);
        return JSON.readTree(RecordedTopics.value(record));
    }

    private List<String> repliesTo(String phone) {
        return topics.ofType(NotificationEvents.REQUESTED.type()).stream().map(RecordedTopics::value)
                .filter(v -> v.contains("\"" + phone + "\"")).toList();
    }

    private boolean processed(String eventId) {
        return mongo.getCollection("processed_events")
                .countDocuments(new Document("_id", InboundSmsListener.CONSUMER + "/" + eventId)) == 1;
    }

    private boolean outboxEmpty(String collection, Document filter) {
        Document doc = mongo.getCollection(collection).find(filter).first();
        return doc != null && doc.getList("outbox", Document.class, List.of()).isEmpty();
    }

    /** A fresh Indonesian mobile number in E.164, so replies of different tests never mix. */
    private static String freshSender() {
        return "+62813" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
