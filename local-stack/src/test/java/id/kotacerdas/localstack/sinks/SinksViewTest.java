package id.kotacerdas.localstack.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.kotacerdas.localstack.FreePorts;

class SinksViewTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static MailSink mail;
    static SmsSink sms;
    static SinksView view;
    static int smtpPort;
    static int smppPort;

    @BeforeAll
    static void startSinks() throws Exception {
        smtpPort = FreePorts.next();
        smppPort = FreePorts.next();
        mail = MailSink.start("127.0.0.1", smtpPort, new MailArchive(dir.resolve("mail")));
        sms = SmsSink.start("127.0.0.1", smppPort, "kotacerdas", "secret12", new SmsArchive(dir.resolve("sms")));
        view = SinksView.start("127.0.0.1", FreePorts.next(), mail.archive(), sms);
    }

    @AfterAll
    static void stopSinks() {
        view.close();
        sms.close();
        mail.close();
    }

    @Test
    void theViewListsAReceivedMailAsJsonAndOnItsPage() throws Exception {
        MailSinkTest.send(smtpPort, "warga@example.org", "Status laporan BDG-0042", "Laporan Anda sedang dikerjakan.");

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/mail").body().contains("BDG-0042"));
        JsonNode mails = JSON.readTree(get("/mail").body());
        assertThat(mails.get(0).get("subject").asText()).isEqualTo("Status laporan BDG-0042");
        assertThat(mails.get(0).get("to").get(0).asText()).isEqualTo("warga@example.org");
        assertThat(get("/").body()).contains("Status laporan BDG-0042").contains("<html");
    }

    @Test
    void anSmsSubmittedOverSmppIsListedAndACitizenSmsCanBeInjected() throws Exception {
        List<DeliverSm> delivered = new CopyOnWriteArrayList<>();
        SMPPSession client = bind(delivered);
        try {
            submit(client, "+6281234567890", "Laporan MMK-0007 sudah diteruskan ke Dinas PUPR");
            await().atMost(Duration.ofSeconds(30)).until(() -> get("/sms").body().contains("MMK-0007"));
            JsonNode first = JSON.readTree(get("/sms").body()).get(0);
            assertThat(first.get("direction").asText()).isEqualTo("outbound");
            assertThat(first.get("to").asText()).isEqualTo("+6281234567890");

            HttpResponse<String> injected = post("/sms/inbound",
                    "{\"from\":\"+6281200000001\",\"to\":\"1708\",\"text\":\"LAPOR jalan berlubang di Jl. Cendrawasih\"}");
            assertThat(injected.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered.stream()
                    .anyMatch(pdu -> !pdu.isSmscDeliveryReceipt()
                            && new String(pdu.getShortMessage(), StandardCharsets.ISO_8859_1).contains("LAPOR")));
            assertThat(JSON.readTree(get("/sms").body()).get(0).get("direction").asText()).isEqualTo("inbound");
        } finally {
            client.unbindAndClose();
        }
    }

    @Test
    void everySubmittedSmsIsArchivedOnceInArrivalOrder() throws Exception {
        SMPPSession client = bind(new CopyOnWriteArrayList<>());
        try {
            for (int i = 1; i <= 5; i++) {
                submit(client, "+6281299990000", "pesan ke-" + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> archivedFor("+6281299990000").size() == 5);
            assertThat(archivedFor("+6281299990000")).extracting(SmsItem::text)
                    .containsExactly("pesan ke-5", "pesan ke-4", "pesan ke-3", "pesan ke-2", "pesan ke-1");
        } finally {
            client.unbindAndClose();
        }
    }

    private static List<SmsItem> archivedFor(String to) {
        return sms.archive().newestFirst(Integer.MAX_VALUE).stream()
                .filter(item -> item.to().equals(to)).toList();
    }

    @Test
    void theSmscCanBeToldToFailAndThenToBehaveAgain() throws Exception {
        SMPPSession client = bind(new CopyOnWriteArrayList<>());
        try {
            assertThat(post("/sms/mode", "mode=fail").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> submit(client, "+6281111111111", "should be throttled"))
                    .isInstanceOf(NegativeResponseException.class);

            assertThat(post("/sms/mode", "{\"mode\":\"normal\"}").statusCode()).isEqualTo(200);
            submit(client, "+6281111111111", "accepted again");
            assertThat(post("/sms/mode", "mode=sideways").statusCode()).isEqualTo(400);
        } finally {
            post("/sms/mode", "mode=normal");
            client.unbindAndClose();
        }
    }

    @Test
    void aFormPostedFromThePageLeadsBackToThePage() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + view.port() + "/sms/mode"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("mode=normal")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains("/");
    }

    @Test
    void anInjectedSmsWithoutTextIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> response = post("/sms/inbound", "from=%2B6281200000001&to=1708");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo("text");
    }

    private static SMPPSession bind(List<DeliverSm> delivered) throws Exception {
        SMPPSession client = new SMPPSession();
        client.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alertNotification) {
            }

            @Override
            public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, org.jsmpp.session.Session source) {
                return null;
            }
        });
        client.connectAndBind("127.0.0.1", smppPort, new BindParameter(BindType.BIND_TRX, "kotacerdas", "secret12", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        return client;
    }

    private static void submit(SMPPSession client, String to, String text) throws Exception {
        client.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "1708",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, DataCodings.ZERO, (byte) 0,
                text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + view.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        String type = body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + view.port() + path))
                        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
