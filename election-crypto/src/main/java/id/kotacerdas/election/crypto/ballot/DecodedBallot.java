package id.kotacerdas.election.crypto.ballot;

import org.bouncycastle.math.ec.ECPoint;

/** A ballot's selection ciphertexts as group elements, in manifest candidate order (for homomorphic tallying). */
public record DecodedBallot(String villageCode, ECPoint[] alphas, ECPoint[] betas) {
}
