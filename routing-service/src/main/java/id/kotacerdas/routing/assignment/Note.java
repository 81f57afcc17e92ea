package id.kotacerdas.routing.assignment;

import java.time.Instant;

/** A note on an assignment: public ones are published and shown to the citizen, internal ones stay in the agency. */
public record Note(String id, Visibility visibility, String text, String author, String agencyId, Instant addedAt) {

    public enum Visibility {
        PUBLIC, INTERNAL
    }
}
