package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.CityEvent;

import java.time.Instant;

/** Live turnout at one polling station (TPS): public while polling is open. */
public record TurnoutUpdated(String electionId, String villageCode, String tpsId, long checkedIn, long eligible,
                             Instant at) implements CityEvent {

    @Override
    public String subject() {
        return electionId;
    }
}
