package id.kotacerdas.routing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything an operator may tune, under {@code kotacerdas.routing}; each is overridable by environment
 * variable through relaxed binding (e.g. {@code KOTACERDAS_ROUTING_DEADLINES_ACKNOWLEDGE=3WD}).
 */
@ConfigurationProperties("kotacerdas.routing")
public record RoutingProperties(boolean seedSampleData, Map<String, JurisdictionSettings> jurisdictions,
                                Calendar calendar, Deadlines deadlines, Escalation escalation) {

    public RoutingProperties {
        jurisdictions = jurisdictions == null ? Map.of() : Map.copyOf(jurisdictions);
        calendar = calendar == null ? new Calendar(null, null) : calendar;
        deadlines = deadlines == null ? new Deadlines(null, null, null, null) : deadlines;
        escalation = escalation == null ? new Escalation(null, null) : escalation;
    }

    public record JurisdictionSettings(String name, String zone, String trackingPrefix, List<LocalDate> extraHolidays) {

        public JurisdictionSettings {
            extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
        }
    }

    public record Calendar(Set<DayOfWeek> weekend, List<LocalDate> holidays) {

        public Calendar {
            weekend = weekend == null || weekend.isEmpty() ? Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : Set.copyOf(weekend);
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }
    }

    /** Spans are written {@code 5WD}, {@code 60D}, {@code 2H} or {@code 30M}. */
    /** @param dispute how long a citizen may dispute a resolution before it is closed (LAPOR! SP4N: 10 working days) */
    public record Deadlines(String acknowledge, String resolve, String dispute, List<DeadlineOverride> overrides) {

        public Deadlines {
            acknowledge = acknowledge == null ? "5WD" : acknowledge;
            resolve = resolve == null ? "60D" : resolve;
            dispute = dispute == null ? "10WD" : dispute;
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
        }
    }

    /** Applies to a jurisdiction, a category, or both (the most specific one wins); blank spans keep the default. */
    public record DeadlineOverride(String jurisdiction, String category, String acknowledge, String resolve,
                                   boolean urgent) {
    }

    public record Escalation(Duration interval, String secondLevelAfter) {

        public Escalation {
            interval = interval == null ? Duration.ofMinutes(1) : interval;
            secondLevelAfter = secondLevelAfter == null ? "2WD" : secondLevelAfter;
        }
    }
}
