package id.kotacerdas.routing.deadline;

import id.kotacerdas.routing.calendar.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deadline length as configured: {@code 5WD} working days, {@code 60D} days, {@code 2H} hours, {@code 30M} minutes. */
public record Span(int amount, Unit unit) {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(WD|D|H|M)");

    public enum Unit {
        WORKING_DAYS, DAYS, HOURS, MINUTES
    }

    public static Span parse(String text) {
        Matcher matcher = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a deadline span (e.g. 5WD, 60D, 2H, 30M): " + text);
        }
        int amount = Integer.parseInt(matcher.group(1));
        Unit unit = switch (matcher.group(2)) {
            case "WD" -> Unit.WORKING_DAYS;
            case "D" -> Unit.DAYS;
            case "H" -> Unit.HOURS;
            default -> Unit.MINUTES;
        };
        return new Span(amount, unit);
    }

    public Instant after(Instant start, WorkingCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.endOfWorkingDays(start, amount);
            case DAYS -> start.plus(Duration.ofDays(amount));
            case HOURS -> start.plus(Duration.ofHours(amount));
            case MINUTES -> start.plus(Duration.ofMinutes(amount));
        };
    }
}
