package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;
import java.util.List;

/** The verified results of every village were published; the election record is downloadable from now on. */
public record ResultsPublished(String electionId, String jurisdictionId, String name, String manifestHash,
                               List<VillageResult> villages, long ballotsCounted, Instant publishedAt)
        implements CityEvent {

    @Override
    public String subject() {
        return electionId;
    }
}
