package id.kotacerdas.election.crypto.ballot;

/** One candidate's encrypted 0/1 with its proof. */
public record EncryptedSelection(String candidateId, Ciphertext ciphertext, DisjunctiveProof proof) {
}
