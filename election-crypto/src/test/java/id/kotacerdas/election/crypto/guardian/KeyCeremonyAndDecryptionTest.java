package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.SampleElection;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.TallyAccumulator;
import id.kotacerdas.election.crypto.tally.TallyDecryptor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCeremonyAndDecryptionTest {

    private static final SampleElection ELECTION =
            new SampleElection(SampleElection.manifest("pilkades-keys", 1, 2, 1, false), 3).castEverywhere(3);

    @Test
    void aGeneratedKeyCarriesAValidProofOfKnowledgeBoundToItsElectionAndGuardian() {
        GuardianPublicKey key = GuardianKeyPair.generate("pilkades-keys", "kepala-bpd", 1).publicKey();

        assertThat(key.verifyProof()).isTrue();
        assertThat(new GuardianPublicKey("pilkades-lain", key.guardianId(), 1, key.publicKey(), key.proof())
                .verifyProof()).isFalse();
        assertThat(new GuardianPublicKey(key.electionId(), "saksi-1", 1, key.publicKey(), key.proof())
                .verifyProof()).isFalse();
        String otherKey = GuardianKeyPair.generate("pilkades-keys", "kepala-bpd", 1).publicKey().publicKey();
        assertThat(new GuardianPublicKey(key.electionId(), key.guardianId(), 1, otherKey, key.proof())
                .verifyProof()).isFalse();
    }

    @Test
    void theElectionKeyRefusesInvalidRepeatedOrForeignGuardians() {
        List<GuardianPublicKey> keys = ELECTION.publicKeys();
        GuardianPublicKey first = keys.get(0);
        GuardianPublicKey forged = new GuardianPublicKey(first.electionId(), first.guardianId(), first.sequence(),
                keys.get(1).publicKey(), first.proof());

        assertThatThrownBy(() -> ElectionKey.combine("pilkades-keys", List.of(forged, keys.get(2))))
                .hasMessageContaining("invalid key proof");
        assertThatThrownBy(() -> ElectionKey.combine("pilkades-keys", List.of(first, first)))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> ElectionKey.combine("pilkades-lain", keys))
                .hasMessageContaining("another election");
    }

    @Test
    void decryptionNeedsEveryGuardianAndEveryValidShare() {
        TallyAccumulator accumulator = new TallyAccumulator(ELECTION.manifest);
        ELECTION.board().forEach(entry -> accumulator.add(entry.tpsId(), entry.ballot()));
        List<AggregateCiphertext> aggregates = accumulator.aggregates();
        List<GuardianDecryption> decryptions = new ArrayList<>(ELECTION.guardians.stream()
                .map(g -> g.secretKey().decrypt(ELECTION.context, aggregates)).toList());

        assertThat(TallyDecryptor.decrypt(ELECTION.context, ELECTION.publicKeys(), aggregates, decryptions))
                .isNotEmpty();
        assertThat(TallyDecryptor.check(ELECTION.context, ELECTION.publicKeys(), aggregates,
                decryptions.subList(0, 2))).containsExactly("guardian guardian-3 has not decrypted");

        GuardianDecryption honest = decryptions.get(0);
        List<PartialDecryption> shares = new ArrayList<>(honest.shares());
        PartialDecryption share = shares.get(0);
        shares.set(0, new PartialDecryption(share.aggregateId(),
                Group.encode(Group.decodePoint(share.share()).twice().normalize()), share.proof()));
        decryptions.set(0, new GuardianDecryption(honest.electionId(), honest.guardianId(), shares));
        assertThatThrownBy(() -> TallyDecryptor.decrypt(ELECTION.context, ELECTION.publicKeys(), aggregates,
                decryptions)).hasMessageContaining("guardian guardian-1 decryption proof of "
                + share.aggregateId() + " fails");
    }

    @Test
    void aSecretKeyNeverShowsInItsStringForm() {
        GuardianSecretKey secret = ELECTION.guardians.get(0).secretKey();

        assertThat(secret.toString()).doesNotContain(secret.secret()).contains("<hidden>");
    }
}
