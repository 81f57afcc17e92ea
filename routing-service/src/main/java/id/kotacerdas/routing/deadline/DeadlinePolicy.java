package id.kotacerdas.routing.deadline;

import id.kotacerdas.routing.calendar.WorkingCalendars;
import id.kotacerdas.routing.config.RoutingProperties;
import id.kotacerdas.routing.place.Jurisdiction;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * LAPOR! SP4N defaults (follow-up within 5 working days, resolution within 60 days), overridable per
 * jurisdiction, per category, or both; the most specific override wins. The citizen's window to dispute a
 * resolution (10 working days) is the same everywhere.
 */
@Component
public class DeadlinePolicy {

    private final WorkingCalendars calendars;
    private final Span defaultAcknowledge;
    private final Span defaultResolve;
    private final Span dispute;
    private final List<RoutingProperties.DeadlineOverride> overrides;

    public DeadlinePolicy(RoutingProperties properties, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.defaultAcknowledge = Span.parse(properties.deadlines().acknowledge());
        this.defaultResolve = Span.parse(properties.deadlines().resolve());
        this.dispute = Span.parse(properties.deadlines().dispute());
        this.overrides = properties.deadlines().overrides();
        overrides.forEach(o -> {
            spanOr(o.acknowledge(), defaultAcknowledge);
            spanOr(o.resolve(), defaultResolve);
        });
    }

    public Deadlines deadlinesFor(Jurisdiction jurisdiction, String category, Instant from) {
        Optional<RoutingProperties.DeadlineOverride> override = overrides.stream()
                .filter(o -> o.jurisdiction() == null || o.jurisdiction().isBlank() || o.jurisdiction().equals(jurisdiction.id()))
                .filter(o -> o.category() == null || o.category().isBlank() || o.category().equals(category))
                .max(Comparator.comparingInt(DeadlinePolicy::specificity));
        Span acknowledge = override.map(o -> spanOr(o.acknowledge(), defaultAcknowledge)).orElse(defaultAcknowledge);
        Span resolve = override.map(o -> spanOr(o.resolve(), defaultResolve)).orElse(defaultResolve);
        var calendar = calendars.of(jurisdiction);
        return new Deadlines(acknowledge.after(from, calendar), resolve.after(from, calendar),
                override.map(RoutingProperties.DeadlineOverride::urgent).orElse(false));
    }

    /** When a resolution nobody disputed is closed: the dispute window, counted in the jurisdiction's calendar. */
    public Instant disputableUntil(Jurisdiction jurisdiction, Instant resolvedAt) {
        return dispute.after(resolvedAt, calendars.of(jurisdiction));
    }

    private static int specificity(RoutingProperties.DeadlineOverride o) {
        return (o.category() == null || o.category().isBlank() ? 0 : 2)
                + (o.jurisdiction() == null || o.jurisdiction().isBlank() ? 0 : 1);
    }

    private static Span spanOr(String text, Span fallback) {
        return text == null || text.isBlank() ? fallback : Span.parse(text);
    }
}
