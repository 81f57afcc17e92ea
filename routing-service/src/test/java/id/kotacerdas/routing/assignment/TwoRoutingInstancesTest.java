package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.assignment.AssignmentEvents;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.routing.RoutingServiceTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TwoRoutingInstancesTest extends RoutingServiceTestBase {

    @Autowired
    ConcurrentKafkaListenerContainerFactory<?, ?> containers;
    @Autowired
    ReportEventsListener listener;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void oneInstanceWorksTheReportPartitionsWithThreeConsumersAtOnce() {
        ConcurrentMessageListenerContainer<?, ?> reportsListener =
                (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("routing-reports");

        assertThat(reportsListener.getConcurrency()).isEqualTo(3);
        await().atMost(WAIT).untilAsserted(() -> assertThat(reportsListener.getContainers()).hasSize(3)
                .allSatisfy(consumer -> assertThat(consumer.getAssignedPartitions()).isNotEmpty()));
    }

    @Test
    void twoRoutingInstancesConsumingAtOnceRouteEveryReportExactlyOnce() throws Exception {
        // a second instance: its own consumer in the service's group, running the same handler over the same store
        AtomicInteger handledBySecond = new AtomicInteger();
        @SuppressWarnings("unchecked")
        ConcurrentMessageListenerContainer<String, byte[]> second =
                (ConcurrentMessageListenerContainer<String, byte[]>) containers.createContainer(Topics.REPORTS);
        second.getContainerProperties().setGroupId("routing-service");
        second.getContainerProperties().setMessageListener((BatchMessageListener<String, byte[]>) records -> {
            handledBySecond.addAndGet(records.size());
            listener.on(records);
        });
        second.setBeanName("second-routing-instance");
        second.start();
        try {
            await().atMost(WAIT).until(() -> !second.getAssignedPartitions().isEmpty());

            List<ReportSubmitted> reports = IntStream.range(0, 30)
                    .mapToObj(i -> report(i % 2 == 0 ? "mimika" : "bandung", i % 3 == 0 ? "sampah" : "jalan-rusak",
                            "Laporan nomor " + i, null))
                    .toList();
            for (ReportSubmitted report : reports) {
                // each report arrives twice under different event ids: both instances may see one of them
                send(record(report, UUID.randomUUID().toString()));
                send(record(report, UUID.randomUUID().toString()));
            }

            await().atMost(WAIT).until(() -> reports.stream().allMatch(r -> assignments.forReport(r.reportId()).isPresent()));
            await().atMost(WAIT).until(() -> reports.stream()
                    .allMatch(r -> events(r.reportId(), AssignmentEvents.ROUTED.type()).size() >= 1));
            Thread.sleep(1500); // time for a double routing to surface
            for (ReportSubmitted report : reports) {
                List<ConsumerRecord<String, byte[]>> routed = events(report.reportId(), AssignmentEvents.ROUTED.type());
                assertThat(routed).as("ReportRouted of %s", report.reportId()).hasSize(1);
            }
            assertThat(handledBySecond.get()).as("the second instance took part").isPositive();
        } finally {
            second.stop();
        }
    }
}
