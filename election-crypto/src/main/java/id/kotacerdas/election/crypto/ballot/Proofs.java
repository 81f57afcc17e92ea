package id.kotacerdas.election.crypto.ballot;

import id.kotacerdas.election.crypto.group.BatchCheck;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.group.Transcript;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/**
 * Proving and checking the ballot's zero-knowledge proofs. A statement is a ciphertext given as the sum of one or
 * more component ciphertexts (one for a selection, all of the ballot's for the contest proof): the verifier adds
 * the component terms instead of summing points, and the transcript hashes the components.
 */
final class Proofs {

    static final String SELECTION_DOMAIN = "kotacerdas/selection-proof/v1";
    static final String AT_MOST_ONE_DOMAIN = "kotacerdas/at-most-one-proof/v1";
    static final String EXACTLY_ONE_DOMAIN = "kotacerdas/exactly-one-proof/v1";

    private Proofs() {
    }

    /** Proves that (A, B) = (R·G, m·G + R·K), m ∈ {0, 1}; {@code transcript} already holds the statement. */
    static DisjunctiveProof proveZeroOrOne(Transcript transcript, ECPoint key, int m, BigInteger nonce) {
        BigInteger u = Group.randomScalar();
        BigInteger fakeChallenge = Group.randomScalar();
        BigInteger fakeResponse = Group.randomScalar();
        int fake = 1 - m;
        BigInteger t = fakeResponse.subtract(fakeChallenge.multiply(nonce)).mod(Group.ORDER);
        ECPoint realA = Group.timesGenerator(u);
        ECPoint realB = Group.timesFixed(key, u);
        ECPoint fakeA = Group.timesGenerator(t);
        ECPoint fakeB = Group.timesFixed(key, t)
                .add(Group.timesGenerator(fakeChallenge.multiply(BigInteger.valueOf(m - fake)).negate()));
        ECPoint a0 = m == 0 ? realA : fakeA;
        ECPoint b0 = m == 0 ? realB : fakeB;
        ECPoint a1 = m == 1 ? realA : fakeA;
        ECPoint b1 = m == 1 ? realB : fakeB;
        String ea0 = Group.encode(a0.normalize());
        String eb0 = Group.encode(b0.normalize());
        String ea1 = Group.encode(a1.normalize());
        String eb1 = Group.encode(b1.normalize());
        BigInteger c = transcript.bytes(Group.rawBytes(ea0)).bytes(Group.rawBytes(eb0))
                .bytes(Group.rawBytes(ea1)).bytes(Group.rawBytes(eb1)).challenge();
        BigInteger realChallenge = c.subtract(fakeChallenge).mod(Group.ORDER);
        BigInteger realResponse = u.add(realChallenge.multiply(nonce)).mod(Group.ORDER);
        BigInteger c0 = m == 0 ? realChallenge : fakeChallenge;
        BigInteger c1 = m == 1 ? realChallenge : fakeChallenge;
        BigInteger v0 = m == 0 ? realResponse : fakeResponse;
        BigInteger v1 = m == 1 ? realResponse : fakeResponse;
        return new DisjunctiveProof(ea0, eb0, ea1, eb1, Group.encode(c0), Group.encode(c1), Group.encode(v0),
                Group.encode(v1));
    }

    /** Proves that (A, B − G) encrypts 0 with nonce R; {@code transcript} already holds the statement. */
    static ConstantProof proveOne(Transcript transcript, ECPoint key, BigInteger nonce) {
        BigInteger u = Group.randomScalar();
        String a = Group.encode(Group.timesGenerator(u).normalize());
        String b = Group.encode(Group.timesFixed(key, u).normalize());
        BigInteger c = transcript.bytes(Group.rawBytes(a)).bytes(Group.rawBytes(b)).challenge();
        return new ConstantProof(a, b, Group.encode(u.add(c.multiply(nonce)).mod(Group.ORDER)));
    }

    /** Adds the four equations of a 0-or-1 proof over the summed components; false if the challenges do not add up. */
    static boolean checkZeroOrOne(BatchCheck batch, Transcript transcript, ECPoint key, ECPoint[] alphas,
                                  ECPoint[] betas, DisjunctiveProof proof) {
        byte[] ra0 = Group.rawBytes(proof.a0());
        byte[] rb0 = Group.rawBytes(proof.b0());
        byte[] ra1 = Group.rawBytes(proof.a1());
        byte[] rb1 = Group.rawBytes(proof.b1());
        BigInteger c0 = Group.decodeScalar(proof.c0());
        BigInteger c1 = Group.decodeScalar(proof.c1());
        BigInteger v0 = Group.decodeScalar(proof.v0());
        BigInteger v1 = Group.decodeScalar(proof.v1());
        BigInteger c = transcript.bytes(ra0).bytes(rb0).bytes(ra1).bytes(rb1).challenge();
        if (!c0.add(c1).mod(Group.ORDER).equals(c)) {
            return false;
        }
        addGeneratorEquation(batch, v0, c0, ra0, alphas);
        addKeyEquation(batch, key, v0, c0, rb0, betas, BigInteger.ZERO);
        addGeneratorEquation(batch, v1, c1, ra1, alphas);
        addKeyEquation(batch, key, v1, c1, rb1, betas, c1);
        return true;
    }

    static void checkOne(BatchCheck batch, Transcript transcript, ECPoint key, ECPoint[] alphas, ECPoint[] betas,
                         ConstantProof proof) {
        byte[] ra = Group.rawBytes(proof.a());
        byte[] rb = Group.rawBytes(proof.b());
        BigInteger v = Group.decodeScalar(proof.v());
        BigInteger c = transcript.bytes(ra).bytes(rb).challenge();
        addGeneratorEquation(batch, v, c, ra, alphas);
        addKeyEquation(batch, key, v, c, rb, betas, c);
    }

    /** v·G − a − c·ΣA = O; {@code a} is the commitment's encoding (validated by the batch). */
    private static void addGeneratorEquation(BatchCheck batch, BigInteger v, BigInteger c, byte[] a,
                                             ECPoint[] alphas) {
        batch.equation().fixed(v, Group.GENERATOR).minus(a);
        BigInteger minusC = c.negate();
        for (ECPoint alpha : alphas) {
            batch.term(minusC, alpha);
        }
    }

    /** v·K − b − c·ΣB + (c·j)·G = O, where {@code cTimesJ} = c·j for the branch value j. */
    private static void addKeyEquation(BatchCheck batch, ECPoint key, BigInteger v, BigInteger c, byte[] b,
                                       ECPoint[] betas, BigInteger cTimesJ) {
        batch.equation().fixed(v, key).minus(b);
        if (cTimesJ.signum() != 0) {
            batch.fixed(cTimesJ, Group.GENERATOR);
        }
        BigInteger minusC = c.negate();
        for (ECPoint beta : betas) {
            batch.term(minusC, beta);
        }
    }
}
