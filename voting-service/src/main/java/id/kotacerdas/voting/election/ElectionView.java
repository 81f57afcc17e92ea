package id.kotacerdas.voting.election;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** The public view of an election: its setup, state, and once frozen the manifest hash and election key. */
public record ElectionView(String id, String jurisdictionId, String name, LocalDate date, LocalTime pollsOpen,
                           LocalTime pollsClose, String timeZone, Instant opensAt, Instant closesAt,
                           boolean allowBlankVotes, List<Village> villages, List<CommitteeMember> committee,
                           List<GuardianSeat> guardians, ElectionState state, String manifestHash,
                           String electionKey, Map<ElectionState, Instant> transitions) {

    public static ElectionView of(Election e) {
        return new ElectionView(e.id(), e.jurisdictionId(), e.name(), e.date(), e.pollsOpen(), e.pollsClose(),
                e.timeZone(), e.opensAt(), e.closesAt(), e.blankVotesAllowed(), e.villages(), e.committee(),
                e.guardians(), e.state(), e.manifestHash(), e.jointPublicKey(), e.transitions());
    }
}
