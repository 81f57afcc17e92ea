package id.kotacerdas.election.crypto.tally;

import id.kotacerdas.election.crypto.ballot.Ciphertext;

/**
 * Homomorphic sum of one candidate's selections over the ballots cast at one TPS ({@code tpsId} set) or in the
 * whole village ({@code tpsId} null). {@code aggregateId} is {@code villageCode/tpsId/candidateId}, with {@code *}
 * for the village total; {@code ballots} is how many ballots were summed (the bound for the decrypted count).
 */
public record AggregateCiphertext(String aggregateId, String villageCode, String tpsId, String candidateId,
                                  long ballots, Ciphertext ciphertext) {

    public static String id(String villageCode, String tpsId, String candidateId) {
        return villageCode + "/" + (tpsId == null ? "*" : tpsId) + "/" + candidateId;
    }
}
