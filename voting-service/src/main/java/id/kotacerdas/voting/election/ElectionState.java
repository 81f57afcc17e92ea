package id.kotacerdas.voting.election;

/** An election's lifecycle; each step is only reachable from the one before it. */
public enum ElectionState {
    DRAFT, KEY_CEREMONY, READY, OPEN, CLOSED, TALLIED, PUBLISHED
}
