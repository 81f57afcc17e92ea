package id.kotacerdas.election.crypto.guardian;

import java.util.List;

/** What a guardian uploads at closing: a partial decryption of every published aggregate. */
public record GuardianDecryption(String electionId, String guardianId, List<PartialDecryption> shares) {

    public GuardianDecryption {
        shares = List.copyOf(shares);
    }
}
