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

    public static final List<EventDescriptor<?>> ALL = List.of(SCHEDULED, POLLING_OPENED, TURNOUT_UPDATED, POLLING_CLOSED);

    private ElectionEvents() {
    }
}
