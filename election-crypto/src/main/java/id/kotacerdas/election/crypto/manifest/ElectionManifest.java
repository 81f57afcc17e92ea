package id.kotacerdas.election.crypto.manifest;

import id.kotacerdas.election.crypto.group.CanonicalDigest;

import java.util.List;
import java.util.Optional;

/**
 * What voters vote on, frozen at READY. Times are ISO-8601 strings exactly as published (e.g. an {@code Instant}'s
 * {@code toString()}), so the hash does not depend on any date library.
 */
public record ElectionManifest(String electionId, String jurisdictionId, String name, String electionDate,
                               String timeZone, String opensAt, String closesAt, boolean blankVotesAllowed,
                               List<Contest> contests) {

    public static final String FORMAT = "kotacerdas-election-manifest-v1";

    public ElectionManifest {
        contests = List.copyOf(contests);
    }

    /** SHA-256 (hex) of the canonical encoding described in README.md ("Manifest hash"). */
    public String hash() {
        CanonicalDigest digest = CanonicalDigest.of(FORMAT)
                .string(electionId).string(jurisdictionId).string(name).string(electionDate).string(timeZone)
                .string(opensAt).string(closesAt).bool(blankVotesAllowed).number(contests.size());
        for (Contest contest : contests) {
            digest.string(contest.villageCode()).string(contest.villageName()).number(contest.candidates().size());
            for (Candidate candidate : contest.candidates()) {
                digest.string(candidate.candidateId()).number(candidate.ballotNumber()).string(candidate.name())
                        .string(candidate.photoSha256());
            }
            digest.number(contest.tpsIds().size());
            contest.tpsIds().forEach(digest::string);
        }
        return digest.hex();
    }

    public Optional<Contest> contest(String villageCode) {
        return contests.stream().filter(c -> c.villageCode().equals(villageCode)).findFirst();
    }
}
