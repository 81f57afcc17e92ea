package id.kotacerdas.voting.tally;

import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.record.RecordJson;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One guardian's partial decryption of every aggregate, with proofs, as the guardian submitted it. */
@Document("guardian_decryptions")
public record DecryptionRecord(@Id String id, String electionId, String guardianId, int sequence, String decryption) {

    static DecryptionRecord of(GuardianDecryption decryption, int sequence) {
        return new DecryptionRecord(decryption.electionId() + ":" + decryption.guardianId(), decryption.electionId(),
                decryption.guardianId(), sequence, RecordJson.MAPPER.writeValueAsString(decryption));
    }

    public GuardianDecryption toDecryption() {
        return RecordJson.MAPPER.readValue(decryption, GuardianDecryption.class);
    }
}
