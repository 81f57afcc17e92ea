package id.kotacerdas.contracts.election;

import id.kotacerdas.contracts.EventDescriptor;
import id.kotacerdas.contracts.Topics;

import java.util.List;

/** Election lifecycle on {@link Topics#ELECTIONS}; the public bulletin board on {@link Topics#ELECTION_BOARD}. */
public final class ElectionEvents {

    public static final EventDescriptor<ElectionScheduled> SCHEDULED =
            EventDescriptor.of("city.election.scheduled.v1", Topics.ELECTIONS, ElectionScheduled.class);
    public static final EventDescriptor<PollingOpened> POLLING_OPENED =
            EventDescriptor.of("city.election.polling-opened.v1", Topics.ELECTIONS, PollingOpened.class);
    public static final EventDescriptor<TurnoutUpdated> TURNOUT_UPDATED =
            EventDescriptor.of("city.election.turnout-updated.v1", Topics.ELECTIONS, TurnoutUpdated.class);
    public static final EventDescriptor<PollingClosed> POLLING_CLOSED =
            EventDescriptor.of("city.election.polling-closed.v1", Topics.ELECTIONS, PollingClosed.class);

    public static final EventDescriptor<ResultsPublished> RESULTS_PUBLISHED =
            EventDescriptor.of("city.election.results-published.v1", Topics.ELECTIONS, ResultsPublished.class);
    public static final EventDescriptor<BallotCast> BALLOT_CAST =
            EventDescriptor.of("city.election-board.ballot-cast.v1", Topics.ELECTION_BOARD, BallotCast.class);
    public static final EventDescriptor<TallyDecrypted> TALLY_DECRYPTED =
            EventDescriptor.of("city.election-board.tally-decrypted.v1", Topics.ELECTION_BOARD, TallyDecrypted.class);

    public static final List<EventDescriptor<?>> ALL = List.of(SCHEDULED, POLLING_OPENED, TURNOUT_UPDATED, POLLING_CLOSED,
            RESULTS_PUBLISHED, BALLOT_CAST, TALLY_DECRYPTED);

    private ElectionEvents() {
    }
}
