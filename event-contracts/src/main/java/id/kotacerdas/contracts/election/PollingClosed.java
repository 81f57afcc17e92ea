package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

public record PollingClosed(String electionId, long ballotsCast, Instant closedAt) implements CityEvent {

    @Override
    public String subject() {
        return electionId;
    }
}
