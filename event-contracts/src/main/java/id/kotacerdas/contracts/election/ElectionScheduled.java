package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;
import java.util.List;

/** An election's manifest was frozen (state READY); {@code manifestHash} binds every ballot proof to it. */
public record ElectionScheduled(String electionId, String jurisdictionId, String name, String timeZone,
                                Instant opensAt, Instant closesAt, List<String> villageCodes, String manifestHash,
                                Instant scheduledAt) implements CityEvent {

    @Override
    public String subject() {
        return electionId;
    }
}
