package id.kotacerdas.routing.calendar;

import id.kotacerdas.routing.config.RoutingProperties;
import id.kotacerdas.routing.place.Jurisdiction;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** One calendar per jurisdiction: its zone, the national holiday list plus the jurisdiction's own extra days. */
@Component
public class WorkingCalendars {

    private final RoutingProperties properties;

    public WorkingCalendars(RoutingProperties properties) {
        this.properties = properties;
    }

    public WorkingCalendar of(Jurisdiction jurisdiction) {
        Set<LocalDate> holidays = new HashSet<>(properties.calendar().holidays());
        RoutingProperties.JurisdictionSettings settings = properties.jurisdictions().get(jurisdiction.id());
        if (settings != null) {
            holidays.addAll(settings.extraHolidays());
        }
        return new WorkingCalendar(jurisdiction.zone(), properties.calendar().weekend(), holidays);
    }
}
