package id.kotacerdas.election.crypto.tally;

/** The decrypted count of one aggregate ({@code tpsId} null for the village total). */
public record AggregateResult(String aggregateId, String villageCode, String tpsId, String candidateId,
                              long ballots, long votes) {
}
