package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;

import java.util.List;

/** What the server publishes at closing for the guardians: the manifest, the election key and the aggregates. */
public record TallyToDecrypt(ElectionManifest manifest, String electionKey, List<AggregateCiphertext> aggregates) {
}
