package id.kotacerdas.election.crypto.ballot;

import id.kotacerdas.election.crypto.group.CanonicalDigest;

import java.util.List;

/**
 * A ballot as the booth sends it: one selection per candidate of the village's contest, in manifest order, and one
 * contest proof: {@code exactlyOneProof} when blank votes are not allowed, {@code atMostOneProof} when they are
 * (the other is null).
 */
public record EncryptedBallot(String electionId, String manifestHash, String villageCode,
                              List<EncryptedSelection> selections, ConstantProof exactlyOneProof,
                              DisjunctiveProof atMostOneProof) {

    public static final String FORMAT = "kotacerdas-encrypted-ballot-v1";

    public EncryptedBallot {
        selections = selections == null ? null : List.copyOf(selections);
    }

    /** The tracking code: SHA-256 (hex) of the ballot's canonical encoding (README.md "Canonical ballot bytes"). */
    public String trackingCode() {
        return canonicalDigest().hex();
    }

    CanonicalDigest canonicalDigest() {
        CanonicalDigest digest = CanonicalDigest.of(FORMAT).string(electionId).hex(manifestHash).string(villageCode)
                .number(selections.size());
        for (EncryptedSelection selection : selections) {
            DisjunctiveProof p = selection.proof();
            digest.string(selection.candidateId())
                    .base64(selection.ciphertext().alpha()).base64(selection.ciphertext().beta())
                    .base64(p.a0()).base64(p.b0()).base64(p.a1()).base64(p.b1())
                    .base64(p.c0()).base64(p.c1()).base64(p.v0()).base64(p.v1());
        }
        if (exactlyOneProof != null) {
            digest.string("exactly-one").base64(exactlyOneProof.a()).base64(exactlyOneProof.b())
                    .base64(exactlyOneProof.v());
        }
        if (atMostOneProof != null) {
            DisjunctiveProof p = atMostOneProof;
            digest.string("at-most-one").base64(p.a0()).base64(p.b0()).base64(p.a1()).base64(p.b1())
                    .base64(p.c0()).base64(p.c1()).base64(p.v0()).base64(p.v1());
        }
        return digest;
    }
}
