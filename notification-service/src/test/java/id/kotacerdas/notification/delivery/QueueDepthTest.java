package id.kotacerdas.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class QueueDepthTest extends NotificationServiceTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void deliveriesWaitingToBeSentAreCountedPerChannelUntilTheyAreSent() {
        double smsBefore = queued(Channel.SMS);
        double emailBefore = queued(Channel.EMAIL);
        Instant notBefore = Instant.now().plusSeconds(8);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String phone = newPhone();
            phones.add(phone);
            publish(reminder(new Recipient("Esther", phone, null), Channel.SMS, notBefore));
        }
        for (int i = 0; i < 2; i++) {
            publish(reminder(new Recipient("Yakobus", null, "yakobus" + i + "." + phones.get(0) + "@example.org"),
                    Channel.EMAIL, notBefore));
        }

        await().atMost(Duration.ofSeconds(7)).until(() -> queued(Channel.SMS) >= smsBefore + 3
                && queued(Channel.EMAIL) >= emailBefore + 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> phones.stream().allMatch(phone -> !smsTo(phone).isEmpty()));
        await().atMost(Duration.ofSeconds(10)).until(() -> queued(Channel.SMS) <= smsBefore
                && queued(Channel.EMAIL) <= emailBefore);
        assertThat(mailTo("yakobus1." + phones.get(0) + "@example.org")).hasSize(1);
    }

    private double queued(Channel channel) {
        return meters.get("notification.deliveries.queued").tag("channel", channel.name()).gauge().value();
    }

    private static NotificationRequested reminder(Recipient recipient, Channel channel, Instant notBefore) {
        return new NotificationRequested(newRequestId(), recipient, List.of(channel), NotificationTemplates.ELECTION_REMINDER,
                "en", Map.of("electionName", "Pilkades", "villageName", "Kwamki", "tpsName", "TPS 02",
                "date", "12 Dec 2026", "opensAt", "07:00", "closesAt", "13:00"), NotificationPriority.NORMAL, notBefore,
                "test", Instant.now());
    }
}
