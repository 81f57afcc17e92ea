package id.kotacerdas.election.crypto.ballot;

import id.kotacerdas.election.crypto.group.CanonicalDigest;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The frozen manifest and the election public key K, with the base hash Q = SHA-256("kotacerdas-ballot-context-v1",
 * manifest hash, K) that every ballot and decryption proof's challenge starts from. Immutable and thread-safe;
 * build it once per election (it precomputes a comb table for K).
 */
public final class BallotContext {

    private final ElectionManifest manifest;
    private final String manifestHash;
    private final String electionKey;
    private final ECPoint key;
    private final byte[] baseHash;

    public BallotContext(ElectionManifest manifest, String electionKey) {
        this.manifest = manifest;
        this.manifestHash = manifest.hash();
        this.electionKey = electionKey;
        ECPoint decoded = Group.decodePoint(electionKey);
        if (decoded.isInfinity()) {
            throw new IllegalArgumentException("the election key cannot be the point at infinity");
        }
        this.key = Group.fixedBase(decoded);
        this.baseHash = CanonicalDigest.of("kotacerdas-ballot-context-v1").hex(manifestHash).base64(electionKey)
                .digestBytes();
    }

    public ElectionManifest manifest() {
        return manifest;
    }

    public String manifestHash() {
        return manifestHash;
    }

    public String electionKey() {
        return electionKey;
    }

    public ECPoint keyPoint() {
        return key;
    }

    public byte[] baseHash() {
        return baseHash.clone();
    }

    byte[] baseHashShared() {
        return baseHash;
    }
}
