package id.kotacerdas.intake.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * The query or form parameters of an Open311 call. Empty parameters count as absent, as clients often
 * send every field of a form.
 */
final class Open311Parameters {

    /** {@code attribute[code]}, or {@code attribute[code][]} for the values of a multivaluelist. */
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]{1,64})](\\[])?");

    private final MultiValueMap<String, String> values;

    Open311Parameters(MultiValueMap<String, String> values) {
        this.values = values;
    }

    /** The first non-blank value, stripped; null when absent or empty. */
    String get(String name) {
        List<String> all = values.get(name);
        if (all == null) {
            return null;
        }
        return all.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    /** A comma list ({@code service_code=a,b}); empty when absent. */
    List<String> list(String name) {
        String value = get(name);
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    Double decimal(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw Open311Exception.badRequest(name + ": is not a number");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest(name + ": is not a number");
        }
    }

    int positiveInt(String name, int fallback, int max) {
        String value = get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1 || parsed > max) {
                throw Open311Exception.badRequest(name + ": must be between 1 and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest(name + ": is not a whole number");
        }
    }

    Boolean flag(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw Open311Exception.badRequest(name + ": must be true or false");
        };
    }

    /** An ISO 8601 date-time with its zone ({@code Z} or an offset), as the spec requires. */
    Instant dateTime(String name) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(name + ": is not an ISO 8601 date-time with a time zone, e.g. "
                    + "2026-11-05T08:15:30+09:00");
        }
    }

    /** {@code attribute[code]} values by code; the values of a multivaluelist joined by commas. */
    Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        values.forEach((name, given) -> {
            Matcher matcher = ATTRIBUTE.matcher(name);
            if (!matcher.matches() || given == null) {
                return;
            }
            String joined = String.join(",", given.stream().filter(v -> v != null && !v.isBlank())
                    .map(String::strip).toList());
            if (!joined.isEmpty()) {
                attributes.merge(matcher.group(1), joined, (a, b) -> a + "," + b);
            }
        });
        return attributes;
    }
}
