package id.kotacerdas.election.crypto.ballot;

/** Exponential ElGamal ciphertext (α, β) = (r·G, m·G + r·K) with points as base64 SEC 1 compressed encodings. */
public record Ciphertext(String alpha, String beta) {
}
