package id.kotacerdas.election.crypto.ballot;

/**
 * Chaum-Pedersen proof that the sum (A, B) of a ballot's selection ciphertexts encrypts exactly 1:
 * v·G = a + c·A and v·K = b + c·(B − G), with c the Fiat-Shamir challenge.
 */
public record ConstantProof(String a, String b, String v) {
}
