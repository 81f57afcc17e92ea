package id.kotacerdas.support.events;

import id.kotacerdas.contracts.CityEvent;

/** A consumed event: its envelope (id, type, time...) and its payload as the contract's record. */
public record IncomingEvent(EventEnvelope envelope, CityEvent payload) {

    public String id() {
        return envelope.id();
    }
}
