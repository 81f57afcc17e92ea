package id.kotacerdas.load;

import java.time.Duration;

/**
 * The highest open-loop rate one path keeps up with: every report accepted, every one routed exactly once, p99 from
 * submit to ReportRouted under one second. Clients that do not wait for each other (open loop) are what a city
 * sends; a closed loop also measures how the latency of the path slows its own clients down. Rates rise by 15 % a
 * step from {@code startRate} (or halve while the first ones miss); after the first miss one rate halfway back is
 * tried. A step that misses is run once more at the same rate and counts as missed only if it misses again: one
 * stall (a collection pause in the store, say) delays a few reports by a second or two, which decides the p99 of a
 * 10 s step at tens of reports per second, while a rate the path cannot sustain misses every time.
 */
final class CapacitySearch {

    static final double P99_LIMIT_MILLIS = 1000;

    private enum Phase { RISING, FALLING, REFINING, DONE }

    private final ReportLoad path;
    private final String kafka;
    private int rate;
    private Phase phase = Phase.RISING;
    private Step best;
    private Step miss;
    private long accepted;
    private int secondTries;
    private int passedOnSecondTry;

    CapacitySearch(ReportLoad path, String kafka, int startRate) {
        this.path = path;
        this.kafka = kafka;
        this.rate = startRate;
    }

    record Step(int rate, int accepted, int failed, long routedOnce, double p99Millis, String slowestSubmitted) {

        boolean keptUp() {
            return failed == 0 && routedOnce == accepted && p99Millis < P99_LIMIT_MILLIS;
        }

        @Override
        public String toString() {
            return String.format("%d/s: %,d accepted, %d failed, %,d routed once, p99 submit -> routed %.0f ms, "
                    + "slowest 1 %% submitted in %s", rate, accepted, failed, routedOnce, p99Millis, slowestSubmitted);
        }
    }

    boolean done() {
        return phase == Phase.DONE;
    }

    /** One step at the current rate (two when the first misses), then the search's next rate. */
    void step(Duration length, Backlog backlog, Duration patience) throws Exception {
        if (done()) {
            return;
        }
        Step step = measure(length, backlog, patience);
        if (!step.keptUp()) {
            secondTries++;
            Step again = measure(length, backlog, patience);
            if (again.keptUp()) {
                passedOnSecondTry++;
                step = again;
            }
        }
        if (step.keptUp()) {
            best = step;
        } else if (miss == null || step.rate() < miss.rate()) {
            miss = step;
        }
        switch (phase) {
            case RISING -> {
                if (step.keptUp()) {
                    rate = (int) Math.ceil(rate * 1.15);
                } else if (best == null) {
                    fallOrGiveUp();
                } else {
                    refineOrFinish();
                }
            }
            case FALLING -> {
                if (step.keptUp()) {
                    refineOrFinish();
                } else {
                    fallOrGiveUp();
                }
            }
            default -> phase = Phase.DONE;
        }
    }

    /** Runs the rate for {@code length}, then waits for the backlog so the next step (of either path) starts clean. */
    private Step measure(Duration length, Backlog backlog, Duration patience) throws Exception {
        Step step;
        try (RoutedWatcher routed = new RoutedWatcher(kafka)) {
            ReportLoad.Outcome outcome = path.openLoop(rate, length, routed);
            routed.awaitAll(Duration.ofSeconds(30));
            step = new Step(rate, outcome.accepted(), outcome.failed(), routed.routedOnce(),
                    routed.latencies().percentileMillis(0.99),
                    routed.whenSlowestWereSubmitted(0.01) + "; they waited " + routed.whereSlowestWaited(0.01));
        }
        backlog.workOff(patience);
        accepted += step.accepted();
        return step;
    }

    private void fallOrGiveUp() {
        phase = rate / 2 < 5 ? Phase.DONE : Phase.FALLING;
        rate = rate / 2;
    }

    private void refineOrFinish() {
        if (miss.rate() - best.rate() > 2) {
            rate = (best.rate() + miss.rate()) / 2;
            phase = Phase.REFINING;
        } else {
            phase = Phase.DONE;
        }
    }

    /** Reports accepted over all steps, to bill the run's CPU to. */
    long accepted() {
        return accepted;
    }

    int capacity() {
        return best == null ? 0 : best.rate();
    }

    String summary() {
        return (best == null ? "below 5/s" : best.rate() + "/s")
                + (miss == null ? "" : " (missed twice at " + miss + ")")
                + (secondTries == 0 ? "" : String.format("; %d of %d missed steps kept up when run again",
                passedOnSecondTry, secondTries));
    }
}
