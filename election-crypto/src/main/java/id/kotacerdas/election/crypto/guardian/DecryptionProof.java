package id.kotacerdas.election.crypto.guardian;

/** Chaum-Pedersen proof that log_G(Kᵢ) = log_α(Dᵢ): v·G = a + c·Kᵢ and v·α = b + c·Dᵢ. */
public record DecryptionProof(String a, String b, String v) {
}
