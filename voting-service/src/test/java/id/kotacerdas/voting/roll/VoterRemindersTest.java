package id.kotacerdas.voting.roll;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.voting.ElectionFixture;
import id.kotacerdas.voting.VotingApi.Identity;
import id.kotacerdas.voting.VotingServiceTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class VoterRemindersTest extends VotingServiceTestBase {

    @Autowired
    VoterReminders reminders;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void everyVoterWithAPhoneGetsOneSmsReminderTheDayBeforeEvenWithTwoJobsRacing() throws Exception {
        String id = createElection("Pilkades pengingat (contoh)", List.of("g1"), false,
                LocalDate.now().plusDays(45));
        new ElectionFixture(api, id, List.of("g1")).importRoll(Map.of("mekarsari-01", 5), 900);
        api.post("/elections/" + id + "/key-ceremony", Identity.admin(), "");
        Instant opensAt = Instant.parse(api.get("/elections/" + id).json().path("opensAt").asString());

        try (RecordedTopics requests = RecordedTopics.of(brokers, Topics.NOTIFICATION_REQUESTS)) {
            assertThat(reminders.requestDueReminders(opensAt.minus(Duration.ofDays(3)))).isZero();

            Instant dayBefore = opensAt.minus(Duration.ofHours(12));
            var first = CompletableFuture.supplyAsync(() -> reminders.requestDueReminders(dayBefore));
            var second = CompletableFuture.supplyAsync(() -> reminders.requestDueReminders(dayBefore));
            assertThat(first.get() + second.get()).isEqualTo(5);
            assertThat(reminders.requestDueReminders(dayBefore)).isZero();

            ConsumerRecord<String, byte[]> sms = requests.awaitType(NotificationEvents.REQUESTED.type(),
                    json -> json.contains("election-reminder") && json.contains("TPS 01 Mekarsari"), Duration.ofSeconds(30));
            assertThat(RecordedTopics.value(sms)).contains("\"+62813").contains("\"SMS\"").contains("Pemilih ")
                    .contains("\"opensAt\":\"07:00\"");
            Thread.sleep(1500);
            assertThat(requests.ofType(NotificationEvents.REQUESTED.type()).stream()
                    .filter(r -> RecordedTopics.value(r).contains(id)).map(ConsumerRecord::key).distinct()).hasSize(5);
            assertThat(requests.ofType(NotificationEvents.REQUESTED.type()).stream()
                    .filter(r -> RecordedTopics.value(r).contains(id))).hasSize(5);
        }
    }
}
