package id.kotacerdas.election.crypto.record;

import id.kotacerdas.election.crypto.board.BoardEntry;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;

import java.util.List;

/** The whole public election record in memory (small elections and tests; large ones stream, see the reader). */
public record ElectionRecord(ElectionManifest manifest, String manifestHash, List<GuardianPublicKey> guardians,
                             String electionKey, List<BoardEntry> board, List<AggregateCiphertext> aggregates,
                             List<GuardianDecryption> decryptions, List<AggregateResult> results, Recap recap) {
}
