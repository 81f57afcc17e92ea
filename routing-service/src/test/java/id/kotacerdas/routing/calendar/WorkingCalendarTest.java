package id.kotacerdas.routing.calendar;

import id.kotacerdas.routing.config.RoutingProperties;
import id.kotacerdas.routing.deadline.DeadlinePolicy;
import id.kotacerdas.routing.deadline.Deadlines;
import id.kotacerdas.routing.place.Jurisdiction;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    static final LocalDate INDEPENDENCE_DAY = LocalDate.of(2026, 8, 17);
    static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    /** 15:30 UTC on Thursday 13 August 2026 is still Thursday in Banyuasin (22:30 WIB) but already Friday in Mimika (00:30 WIT). */
    static final Instant THURSDAY_NIGHT_IN_WIB = Instant.parse("2026-08-13T15:30:00Z");

    @Test
    void fiveWorkingDaysSkipAHolidayAndAWeekendAndEndAtLocalMidnight() {
        WorkingCalendar banyuasin = new WorkingCalendar(WIB, WEEKEND, Set.of(INDEPENDENCE_DAY));

        // Thu 13: Fri 14 (1), [Sat, Sun, Mon 17 holiday], Tue 18 (2), Wed 19 (3), Thu 20 (4), Fri 21 (5)
        assertThat(banyuasin.endOfWorkingDays(THURSDAY_NIGHT_IN_WIB, 5))
                .isEqualTo(Instant.parse("2026-08-21T17:00:00Z")) // Sat 22 Aug 00:00 WIB
                .isEqualTo(LocalDate.of(2026, 8, 22).atStartOfDay(WIB).toInstant());
    }

    @Test
    void theSameInstantCountsFromTheNextDayWhereItIsAlreadyTomorrow() {
        WorkingCalendar mimika = new WorkingCalendar(WIT, WEEKEND, Set.of(INDEPENDENCE_DAY));

        // Fri 14 in WIT: [Sat, Sun, Mon 17 holiday], Tue 18 (1), Wed (2), Thu (3), Fri 21 (4), Mon 24 (5)
        assertThat(mimika.endOfWorkingDays(THURSDAY_NIGHT_IN_WIB, 5))
                .isEqualTo(Instant.parse("2026-08-24T15:00:00Z")); // Tue 25 Aug 00:00 WIT
    }

    @Test
    void withoutTheHolidayTheDeadlineIsOneWorkingDayEarlier() {
        WorkingCalendar noHoliday = new WorkingCalendar(WIB, WEEKEND, Set.of());

        assertThat(noHoliday.endOfWorkingDays(THURSDAY_NIGHT_IN_WIB, 5)).isEqualTo(Instant.parse("2026-08-20T17:00:00Z"));
        assertThat(noHoliday.isWorkingDay(INDEPENDENCE_DAY)).isTrue();
        assertThat(new WorkingCalendar(WIB, WEEKEND, Set.of(INDEPENDENCE_DAY)).isWorkingDay(INDEPENDENCE_DAY)).isFalse();
    }

    @Test
    void deadlinesFollowLaporDefaultsAndUrgentCategoriesCountInHours() {
        RoutingProperties properties = new RoutingProperties(false,
                Map.of("mimika", new RoutingProperties.JurisdictionSettings("Kabupaten Mimika", "Asia/Jayapura", "MMK",
                        List.of(LocalDate.of(2026, 8, 19)))),
                new RoutingProperties.Calendar(WEEKEND, List.of(INDEPENDENCE_DAY)),
                new RoutingProperties.Deadlines("5WD", "60D", "10WD", List.of(
                        new RoutingProperties.DeadlineOverride(null, "layad-rawat", "2H", "24H", true),
                        new RoutingProperties.DeadlineOverride("mimika", "air-bersih", "1WD", null, false))),
                null);
        DeadlinePolicy policy = new DeadlinePolicy(properties, new WorkingCalendars(properties));
        Jurisdiction mimika = new Jurisdiction("mimika", "Kabupaten Mimika", WIT, "MMK");

        Deadlines roads = policy.deadlinesFor(mimika, "jalan-rusak", THURSDAY_NIGHT_IN_WIB);
        // Mimika's own extra holiday (Wed 19) pushes the fifth working day from Mon 24 to Tue 25
        assertThat(roads.acknowledgeBy()).isEqualTo(Instant.parse("2026-08-25T15:00:00Z"));
        assertThat(roads.resolveBy()).isEqualTo(THURSDAY_NIGHT_IN_WIB.plus(Duration.ofDays(60)));
        assertThat(roads.urgent()).isFalse();

        Deadlines homeCare = policy.deadlinesFor(mimika, "layad-rawat", THURSDAY_NIGHT_IN_WIB);
        assertThat(homeCare.acknowledgeBy()).isEqualTo(THURSDAY_NIGHT_IN_WIB.plus(Duration.ofHours(2)));
        assertThat(homeCare.resolveBy()).isEqualTo(THURSDAY_NIGHT_IN_WIB.plus(Duration.ofHours(24)));
        assertThat(homeCare.urgent()).isTrue();

        Deadlines water = policy.deadlinesFor(mimika, "air-bersih", THURSDAY_NIGHT_IN_WIB);
        assertThat(water.acknowledgeBy()).isEqualTo(Instant.parse("2026-08-18T15:00:00Z")); // end of Tue 18 WIT
        assertThat(water.resolveBy()).isEqualTo(THURSDAY_NIGHT_IN_WIB.plus(Duration.ofDays(60)));
    }

    @Test
    void theCitizensDisputeWindowIsTenWorkingDaysPastTheLebaranLeave() {
        List<LocalDate> lebaran = List.of(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 19), LocalDate.of(2026, 3, 20),
                LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24));
        RoutingProperties properties = new RoutingProperties(false, Map.of(),
                new RoutingProperties.Calendar(WEEKEND, lebaran), new RoutingProperties.Deadlines(null, null, null, null),
                null);
        DeadlinePolicy policy = new DeadlinePolicy(properties, new WorkingCalendars(properties));
        Jurisdiction banyuasin = new Jurisdiction("banyuasin", "Kabupaten Banyuasin", WIB, "BYA");
        Instant resolvedFridayBefore = LocalDate.of(2026, 3, 13).atTime(10, 0).atZone(WIB).toInstant();

        // Mon 16 (1), Tue 17 (2), [Wed 18 .. Tue 24 leave and weekend], Wed 25 (3) .. Fri 27 (5), Mon 30 (6) .. Fri 3 Apr (10)
        assertThat(policy.disputableUntil(banyuasin, resolvedFridayBefore))
                .isEqualTo(LocalDate.of(2026, 4, 4).atStartOfDay(WIB).toInstant());
    }
}
