package id.kotacerdas.intake.sms;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an inbound SMS asks for. Feature-phone users type fast and loosely, so the grammar is forgiving:
 * any case, spaces around {@code #}, and a missing place still makes a report.
 * <ul>
 *   <li>{@code LAPOR#<category keyword>#<place>#<text>} (also {@code LAPOR#<keyword>#<text>} and
 *   {@code LAPOR#<text>}, whose category is then guessed): a report</li>
 *   <li>{@code CEK <tracking number>} (also {@code CEK#…}): the status of a report</li>
 *   <li>other text of at least three words: a report whose category is guessed from the words</li>
 *   <li>anything else (empty, a greeting, {@code INFO}/{@code BANTUAN}/{@code HELP}): the help text</li>
 * </ul>
 */
sealed interface SmsCommand {

    record Report(String keyword, String place, String text) implements SmsCommand {
    }

    record Check(String trackingNumber) implements SmsCommand {
    }

    record Help() implements SmsCommand {
    }

    Pattern LAPOR = Pattern.compile("^\\s*LAPOR\\s*#(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Tolerates missing dashes and zeros: {@code cek mmk 2026 123} asks for {@code MMK-2026-000123}. */
    Pattern CHECK = Pattern.compile("^\\s*CEK\\s*[#\\s]\\s*([A-Za-z]{2,5})\\s*-?\\s*(\\d{4})\\s*-?\\s*(\\d{1,9})\\s*$",
            Pattern.CASE_INSENSITIVE);
    Pattern WORD = Pattern.compile("\\p{L}{2,}");
    List<String> HELP_WORDS = List.of("info", "bantuan", "help", "tolong", "cek", "lapor");

    static SmsCommand parse(String text) {
        if (text == null || text.isBlank()) {
            return new Help();
        }
        Matcher lapor = LAPOR.matcher(text);
        if (lapor.matches()) {
            return structured(lapor.group(1));
        }
        Matcher check = CHECK.matcher(text);
        if (check.matches()) {
            return new Check("%s-%s-%06d".formatted(check.group(1).toUpperCase(Locale.ROOT), check.group(2),
                    Long.parseLong(check.group(3))));
        }
        String plain = text.strip();
        if (HELP_WORDS.contains(plain.toLowerCase(Locale.ROOT)) || words(plain) < 3) {
            return new Help();
        }
        return new Report(null, null, plain);
    }

    private static SmsCommand structured(String rest) {
        List<String> parts = Arrays.stream(rest.split("#", 3)).map(String::strip).toList();
        if (parts.size() == 1) {
            return words(parts.get(0)) < 1 ? new Help() : new Report(null, null, parts.get(0));
        }
        String keyword = parts.get(0);
        String place = parts.size() == 3 ? parts.get(1) : null;
        String body = parts.get(parts.size() - 1).replaceAll("\\s*#\\s*", " ");
        if (words(body) < 1) {
            return new Help();
        }
        return new Report(keyword.isEmpty() ? null : keyword, place == null || place.isEmpty() ? null : place, body);
    }

    private static long words(String text) {
        return WORD.matcher(text).results().count();
    }
}
