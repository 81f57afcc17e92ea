package id.kotacerdas.voting.election;

/** A key holder of the election: everyone's share is needed to decrypt the tally. */
public record GuardianSeat(String id, String name, int sequence) {
}
