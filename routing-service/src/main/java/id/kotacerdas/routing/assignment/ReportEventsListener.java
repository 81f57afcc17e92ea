package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.report.ReportClosed;
import id.kotacerdas.contracts.report.ReportMarkedDuplicate;
import id.kotacerdas.contracts.report.ReportReopened;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportUpdated;
import id.kotacerdas.contracts.report.ReportWithdrawn;
import id.kotacerdas.support.consumer.EventBatchHandler;
import id.kotacerdas.support.consumer.ProcessedEvents;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code city.reports.v1} a poll at a time. Records are keyed by report id, so a report's events arrive in
 * order on one partition and are applied in that order; each event is applied once per event id (a ReportSubmitted
 * by the assignment's key, the others by the log of processed events), and poison records go to the dead-letter
 * topic. A poll at a time because a consumer that falls behind then catches up: the events already processed are
 * looked up and recorded, and the new assignments stored, once per poll, not once per record.
 */
@Component
public class ReportEventsListener {

    static final String CONSUMER = "routing.reports";

    private final EventReader events;
    private final ProcessedEvents processedEvents;
    private final ReportRouting routing;

    public ReportEventsListener(EventReader events, ProcessedEvents processedEvents, ReportRouting routing) {
        this.events = events;
        this.processedEvents = processedEvents;
        this.routing = routing;
    }

    // the group is the service name (spring.kafka.consumer.group-id), shared by every instance
    @KafkaListener(id = "routing-reports", idIsGroup = false, topics = Topics.REPORTS, batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        // a report keeps its first assignment (its key is the report's), so a repeated ReportSubmitted needs no log
        processedEvents.onceEach(CONSUMER, records, events, new PollOfReportEvents(),
                event -> event.payload() instanceof ReportSubmitted);
    }

    /** One poll's events: the reports submitted are routed as they come and stored together, in one write. */
    private final class PollOfReportEvents implements EventBatchHandler {

        private final List<Assignment> routed = new ArrayList<>();

        @Override
        public void apply(IncomingEvent event) {
            CityEvent payload = event.payload();
            if (payload instanceof ReportSubmitted submitted) {
                routed.add(routing.route(submitted));
                return;
            }
            // a later event of a report routed in this poll needs its assignment stored first
            flush();
            if (payload instanceof ReportWithdrawn withdrawn) {
                routing.withdrawn(withdrawn);
            } else if (payload instanceof ReportMarkedDuplicate duplicate) {
                routing.markedDuplicate(duplicate);
            } else if (payload instanceof ReportReopened reopened) {
                routing.reopened(reopened, event.id());
            } else if (payload instanceof ReportClosed closed) {
                routing.closed(closed);
            } else if (payload instanceof ReportUpdated updated) {
                routing.updated(updated);
            }
        }

        @Override
        public void flush() {
            if (!routed.isEmpty()) {
                routing.store(List.copyOf(routed));
                routed.clear();
            }
        }
    }
}
