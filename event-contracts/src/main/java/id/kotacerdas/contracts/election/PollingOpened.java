package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

public record PollingOpened(String electionId, Instant openedAt) implements CityEvent {

    @Override
    public String subject() {
        return electionId;
    }
}
