package id.kotacerdas.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationSent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class NotificationLoadTest {

    @Test
    void theSummaryGivesEachChannelsRateAsAShareOfItsFarEndOrSaysTheShareIsNotKnown() {
        SentNotifications sent = new SentNotifications("load-r-");
        Instant published = Instant.parse("2026-12-06T10:00:00Z");
        for (int i = 0; i < 4; i++) {
            sent.published("load-r-" + i, published);
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("city.notifications.v1", 0, i, "load-r-" + i,
                    EventJson.write(new NotificationSent("load-r-" + i, i % 2 == 0 ? Channel.SMS : Channel.EMAIL,
                            "+62813****0000", "simulator", 1, published.plusMillis(100))).getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_type", NotificationEvents.SENT.type().getBytes(StandardCharsets.UTF_8));
            sent.take(record);
        }
        NotificationLoad.Outcome outcome = new NotificationLoad.Outcome(4, sent, 0.5);

        assertThat(outcome.summary(40, Double.NaN)).contains("2 SMS and 2 e-mails sent in 0.5 s: 4 SMS/s, 4 e-mails/s",
                "SMS = 10 % of the SMSC ceiling", "e-mails = an unknown share of the SMTP ceiling",
                "p50 100.0 ms");
    }
}
