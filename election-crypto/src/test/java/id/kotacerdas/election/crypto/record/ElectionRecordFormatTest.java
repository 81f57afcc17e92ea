package id.kotacerdas.election.crypto.record;

import id.kotacerdas.election.crypto.SampleElection;
import id.kotacerdas.election.crypto.ballot.BallotVerifier;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElectionRecordFormatTest {

    private static final SampleElection ELECTION =
            new SampleElection(SampleElection.manifest("pilkades-format", 1, 2, 2, true), 2);

    @TempDir
    Path directory;

    @Test
    void aRecordReadsBackExactlyAsWrittenWithItsDocumentedSectionsInOrder() throws IOException {
        SampleElection election = new SampleElection(SampleElection.manifest("pilkades-zip", 1, 2, 2, true), 2)
                .castEverywhere(2);
        ElectionRecord record = election.close();
        Path file = directory.resolve("record.zip");

        ElectionRecordWriter.write(file, record);

        assertThat(ElectionRecordReader.readAll(file)).isEqualTo(record);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).toList()).containsExactly("record.json",
                    "manifest.json", "guardians.json", "board.jsonl", "aggregates.json", "decryptions.json",
                    "results.json");
        }
    }

    @Test
    void anEncryptedBallotSurvivesJsonWithTheSameTrackingCodeAndStillVerifies() {
        EncryptedBallot ballot = ELECTION.encryptor.encrypt("desa-1", null);

        EncryptedBallot copy = RecordJson.MAPPER.readValue(RecordJson.MAPPER.writeValueAsString(ballot),
                EncryptedBallot.class);

        assertThat(copy).isEqualTo(ballot);
        assertThat(copy.trackingCode()).isEqualTo(ballot.trackingCode());
        assertThat(new BallotVerifier(ELECTION.context).verify(copy).valid()).isTrue();
    }

    @Test
    void aGuardianKeySurvivesJsonAndItsProofStillVerifies() {
        GuardianPublicKey key = ELECTION.guardians.get(0).publicKey();

        GuardianPublicKey copy = RecordJson.MAPPER.readValue(RecordJson.MAPPER.writeValueAsString(key),
                GuardianPublicKey.class);

        assertThat(copy).isEqualTo(key);
        assertThat(copy.verifyProof()).isTrue();
        assertThat(RecordJson.MAPPER.writeValueAsString(key)).doesNotContain("verifyProof").doesNotContain("valid");
    }

    @Test
    void unknownFieldsAreRejectedRatherThanIgnored() {
        String json = RecordJson.MAPPER.writeValueAsString(ELECTION.guardians.get(0).publicKey());
        String extended = json.substring(0, json.length() - 1) + ",\"extra\":1}";

        assertThatThrownBy(() -> RecordJson.MAPPER.readValue(extended, GuardianPublicKey.class))
                .hasMessageContaining("extra");
    }

    @Test
    void sectionsWrittenOutOfOrderAreRefused() {
        ElectionRecordWriter writer = new ElectionRecordWriter(java.io.OutputStream.nullOutputStream());

        assertThatThrownBy(() -> writer.writeAggregates(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
