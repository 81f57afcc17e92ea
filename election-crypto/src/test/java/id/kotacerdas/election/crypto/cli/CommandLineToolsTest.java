package id.kotacerdas.election.crypto.cli;

import id.kotacerdas.election.crypto.SampleElection;
import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotVerifier;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.booth.BoothCli;
import id.kotacerdas.election.crypto.guardian.ElectionKey;
import id.kotacerdas.election.crypto.guardian.GuardianCli;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.guardian.TallyToDecrypt;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.record.PublishedElection;
import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.TallyAccumulator;
import id.kotacerdas.election.crypto.tally.TallyDecryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineToolsTest {

    @TempDir
    Path directory;

    @Test
    void guardiansAndABoothRunAWholeCeremonyThroughTheirCommandLines() throws IOException {
        ElectionManifest manifest = SampleElection.manifest("pilkades-cli", 1, 2, 1, false);
        List<GuardianPublicKey> keys = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = GuardianCli.run(new String[]{"generate", "--election", "pilkades-cli", "--guardian",
                    "saksi-" + i, "--sequence", String.valueOf(i), "--secret-out",
                    directory.resolve("secret-" + i + ".json").toString()}, print(out), print(new ByteArrayOutputStream()));
            assertThat(exit).isZero();
            keys.add(RecordJson.MAPPER.readValue(out.toString(StandardCharsets.UTF_8), GuardianPublicKey.class));
        }
        assertThat(Files.getPosixFilePermissions(directory.resolve("secret-1.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(GuardianCli.run(new String[]{"generate", "--election", "pilkades-cli", "--guardian", "saksi-1",
                "--sequence", "1", "--secret-out", directory.resolve("secret-1.json").toString()},
                print(new ByteArrayOutputStream()), print(new ByteArrayOutputStream()))).isEqualTo(2);
        String electionKey = ElectionKey.combine("pilkades-cli", keys);
        BallotContext context = new BallotContext(manifest, electionKey);

        Path published = directory.resolve("election.json");
        Files.writeString(published, CliFiles.toJson(new PublishedElection(manifest, manifest.hash(), electionKey)));
        Path ballotFile = directory.resolve("ballot.json");
        ByteArrayOutputStream boothErr = new ByteArrayOutputStream();
        assertThat(BoothCli.run(new String[]{"--election", published.toString(), "--village", "desa-1",
                "--candidate", "desa-1-calon-2", "--out", ballotFile.toString()}, print(new ByteArrayOutputStream()),
                print(boothErr))).isZero();
        EncryptedBallot ballot = RecordJson.MAPPER.readValue(Files.readAllBytes(ballotFile), EncryptedBallot.class);
        assertThat(new BallotVerifier(context).verify(ballot).valid()).isTrue();
        assertThat(boothErr.toString(StandardCharsets.UTF_8)).contains("tracking code: " + ballot.trackingCode());

        TallyAccumulator accumulator = new TallyAccumulator(manifest);
        accumulator.add("desa-1-tps-1", ballot);
        List<AggregateCiphertext> aggregates = accumulator.aggregates();
        Path tally = directory.resolve("tally.json");
        Files.writeString(tally, CliFiles.toJson(new TallyToDecrypt(manifest, electionKey, aggregates)));
        List<GuardianDecryption> decryptions = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Path out = directory.resolve("decryption-" + i + ".json");
            assertThat(GuardianCli.run(new String[]{"decrypt", "--secret",
                    directory.resolve("secret-" + i + ".json").toString(), "--tally", tally.toString(), "--out",
                    out.toString()}, print(new ByteArrayOutputStream()), print(new ByteArrayOutputStream()))).isZero();
            decryptions.add(RecordJson.MAPPER.readValue(Files.readAllBytes(out), GuardianDecryption.class));
        }

        List<AggregateResult> results = TallyDecryptor.decrypt(context, keys, aggregates, decryptions);
        assertThat(results).filteredOn(r -> r.tpsId() == null).extracting(AggregateResult::votes)
                .containsExactly(0L, 1L);
    }

    @Test
    void theBoothRefusesAManifestThatDoesNotMatchItsPublishedHash() throws IOException {
        ElectionManifest manifest = SampleElection.manifest("pilkades-cli-2", 1, 2, 1, false);
        SampleElection election = new SampleElection(manifest, 1);
        Path published = directory.resolve("election.json");
        Files.writeString(published, CliFiles.toJson(new PublishedElection(manifest, "00".repeat(32),
                election.electionKey)));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(BoothCli.run(new String[]{"--election", published.toString(), "--village", "desa-1",
                "--candidate", "desa-1-calon-1"}, print(new ByteArrayOutputStream()), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not match");
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
