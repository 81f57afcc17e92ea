package id.kotacerdas.voting.election;

import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;

import java.util.Comparator;

/** The election-crypto manifest of an election: what every ballot proof and the published record bind. */
public final class Manifests {

    private Manifests() {
    }

    public static ElectionManifest of(Election election) {
        return new ElectionManifest(election.id(), election.jurisdictionId(), election.name(),
                election.date().toString(), election.timeZone(), election.opensAt().toString(),
                election.closesAt().toString(), election.blankVotesAllowed(),
                election.villages().stream().map(Manifests::contest).toList());
    }

    private static Contest contest(Village village) {
        return new Contest(village.code(), village.name(), village.candidates().stream()
                .sorted(Comparator.comparingInt(Candidate::ballotNumber))
                .map(c -> new id.kotacerdas.election.crypto.manifest.Candidate(c.candidateId(village.code()),
                        c.ballotNumber(), c.name(), c.photoSha256()))
                .toList(), village.pollingStations().stream().map(Tps::id).toList());
    }
}
