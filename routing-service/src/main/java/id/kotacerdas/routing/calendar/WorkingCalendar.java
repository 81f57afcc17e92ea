package id.kotacerdas.routing.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Working days in one jurisdiction's time zone: not a weekend day and not a holiday or collective-leave day.
 * A deadline of n working days ends with the n-th working day after the (local) day it starts on.
 */
public record WorkingCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

    public WorkingCalendar {
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The instant the n-th working day after {@code start}'s local date ends (local midnight after it). */
    public Instant endOfWorkingDays(Instant start, int workingDays) {
        LocalDate day = start.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
