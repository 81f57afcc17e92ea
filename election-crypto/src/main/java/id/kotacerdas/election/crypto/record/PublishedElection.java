package id.kotacerdas.election.crypto.record;

import id.kotacerdas.election.crypto.manifest.ElectionManifest;

/** What the booth needs (published at READY): the frozen manifest, its hash and the election public key. */
public record PublishedElection(ElectionManifest manifest, String manifestHash, String electionKey) {
}
