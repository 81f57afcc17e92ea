package id.kotacerdas.contracts.report;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** The reporter rated the handling, 1 (poor) to 5 (excellent). */
public record ReportFeedbackGiven(String reportId, int rating, String comment, Instant givenAt) implements CityEvent {

    @Override
    public String subject() {
        return reportId;
    }
}
