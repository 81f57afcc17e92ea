package id.kotacerdas.voting.ceremony;

import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.guardian.SchnorrProof;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A guardian's published public key with its proof of knowledge; one per guardian and election. */
@Document("guardian_keys")
public record GuardianKeyRecord(@Id String id, String electionId, String guardianId, int sequence, String publicKey,
                                String proofCommitment, String proofResponse) {

    static GuardianKeyRecord of(GuardianPublicKey key) {
        return new GuardianKeyRecord(key.electionId() + ":" + key.guardianId(), key.electionId(), key.guardianId(),
                key.sequence(), key.publicKey(), key.proof().commitment(), key.proof().response());
    }

    public GuardianPublicKey toKey() {
        return new GuardianPublicKey(electionId, guardianId, sequence, publicKey,
                new SchnorrProof(proofCommitment, proofResponse));
    }
}
