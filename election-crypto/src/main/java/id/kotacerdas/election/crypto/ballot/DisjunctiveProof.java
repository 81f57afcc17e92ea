package id.kotacerdas.election.crypto.ballot;

/**
 * Disjunctive Chaum-Pedersen proof that a ciphertext encrypts 0 or 1, in commitment form: commitments (a0, b0) for
 * the "0" branch and (a1, b1) for the "1" branch, challenges c0 + c1 = the Fiat-Shamir challenge, responses v0, v1.
 * Checks: vj·G = aj + cj·α and vj·K = bj + cj·(β − j·G) for j = 0, 1.
 */
public record DisjunctiveProof(String a0, String b0, String a1, String b1, String c0, String c1, String v0,
                               String v1) {
}
