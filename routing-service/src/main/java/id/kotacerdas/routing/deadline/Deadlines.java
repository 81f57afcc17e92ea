package id.kotacerdas.routing.deadline;

import java.time.Instant;

/** When an assignment must be acknowledged and resolved; urgent ones are counted in hours and also go out by SMS. */
public record Deadlines(Instant acknowledgeBy, Instant resolveBy, boolean urgent) {
}
