package id.kotacerdas.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last lines of a log file, made readable for a terminal: an ECS JSON line is shown as
 * {@code LEVEL logger: message [error]}, and every line is cut to a sensible width.
 */
public final class LogTail {

    private static final int MAX_LINE = 400;
    private static final Pattern LEVEL = Pattern.compile("\"level\":\"([A-Z]+)\"");
    private static final Pattern LOGGER = Pattern.compile("\"logger\":\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ERROR = Pattern.compile("\"error\":\\{\"type\":\"([^\"]+)\",\"message\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern ROOT_CAUSE = Pattern.compile("Caused by: ([^\\\\]+)\\\\n");

    private LogTail() {
    }

    public static String of(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(),
                    all.subList(Math.max(0, all.size() - lines), all.size()).stream().map(LogTail::readable).toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log at " + file + ")";
        }
    }

    static String readable(String line) {
        if (!line.startsWith("{")) {
            return cut(line);
        }
        Matcher message = MESSAGE.matcher(line);
        if (!message.find()) {
            return cut(line);
        }
        StringBuilder text = new StringBuilder();
        find(LEVEL, line).ifPresent(level -> text.append(level).append(' '));
        find(LOGGER, line).ifPresent(logger -> text.append(logger.substring(logger.lastIndexOf('.') + 1)).append(": "));
        text.append(cut(message.group(1)));
        Matcher error = ERROR.matcher(line);
        if (error.find()) {
            // the innermost cause usually says what is wrong (a missing setting, a refused connection)
            String rootCause = null;
            Matcher cause = ROOT_CAUSE.matcher(line);
            while (cause.find()) {
                rootCause = cause.group(1);
            }
            text.append(System.lineSeparator()).append("    root cause: ").append(cut(rootCause != null ? rootCause : error.group(1)));
        }
        return text.toString();
    }

    private static java.util.Optional<String> find(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    private static String cut(String text) {
        return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 3) + "...";
    }
}
