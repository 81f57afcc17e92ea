package id.kotacerdas.election.crypto.guardian;

/** Proof of knowledge of a guardian's secret key s for Kᵢ = s·G: v·G = commitment + c·Kᵢ. */
public record SchnorrProof(String commitment, String response) {
}
