package id.kotacerdas.routing.stats;

/**
 * Figures over the assignments routed in a date range: how many, how many still open, how many open and
 * overdue now, and the median times from routing to acknowledgement and to resolution (ISO-8601 durations,
 * null when nothing was acknowledged or resolved).
 */
public record AssignmentStats(long routed, long open, long overdue, String medianTimeToAcknowledge,
                              String medianTimeToResolve) {
}
