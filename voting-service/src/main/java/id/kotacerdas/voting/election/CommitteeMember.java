package id.kotacerdas.voting.election;

/** A member of the election committee (panitia pemilihan), e.g. chair, secretary, member. */
public record CommitteeMember(String name, String role) {
}
