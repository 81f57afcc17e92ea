package id.kotacerdas.notification.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One template file: {@code subject:} and {@code sms:} lines, then {@code text:} and {@code html:}
 * sections. Placeholders are {@code {name}}; in HTML the values are escaped. A missing parameter
 * renders as an empty string, because several parameters are documented as optional. Each part is split into
 * literal text and placeholders once, when the file is loaded; rendering only joins them.
 */
record MessageTemplate(String name, String locale, Text subject, Text sms, Text text, Text html) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    static MessageTemplate parse(String name, String locale, String source) {
        String subject = null;
        String sms = null;
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        StringBuilder section = null;
        for (String line : source.split("\\R", -1)) {
            if (section == null && line.startsWith("subject:")) {
                subject = line.substring("subject:".length()).trim();
            } else if (section == null && line.startsWith("sms:")) {
                sms = line.substring("sms:".length()).trim();
            } else if (line.equals("text:")) {
                section = text;
            } else if (line.equals("html:")) {
                section = html;
            } else if (section != null) {
                section.append(line).append('\n');
            }
        }
        if (subject == null || sms == null || text.isEmpty() || html.isEmpty()) {
            throw new IllegalStateException("template " + locale + "/" + name + " needs subject:, sms:, text: and html:");
        }
        return new MessageTemplate(name, locale, Text.of(subject), Text.of(sms), Text.of(text.toString().strip()),
                Text.of(html.toString().strip()));
    }

    RenderedMessage render(Map<String, String> parameters, Text layout) {
        String renderedSubject = subject.fill(parameters, false);
        String body = html.fill(parameters, true);
        return new RenderedMessage(sms.fill(parameters, false), renderedSubject, text.fill(parameters, false),
                layout.fill(Map.of("subject", escape(renderedSubject), "lang", locale, "body", body), false));
    }

    static String escape(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            String replacement = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(value.charAt(i));
                }
            }
        }
        return escaped == null ? value : escaped.toString();
    }

    /**
     * A part of a template: literal text and placeholder names, alternating ({@code literals} has one more element).
     */
    record Text(List<String> literals, List<String> placeholders, int length) {

        static Text of(String source) {
            List<String> literals = new ArrayList<>();
            List<String> placeholders = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(source);
            int from = 0;
            while (matcher.find()) {
                literals.add(source.substring(from, matcher.start()));
                placeholders.add(matcher.group(1));
                from = matcher.end();
            }
            literals.add(source.substring(from));
            return new Text(List.copyOf(literals), List.copyOf(placeholders), source.length());
        }

        String fill(Map<String, String> values, boolean escapeValues) {
            StringBuilder out = new StringBuilder(length + 64);
            for (int i = 0; i < placeholders.size(); i++) {
                out.append(literals.get(i));
                String value = values.get(placeholders.get(i));
                if (value != null) {
                    out.append(escapeValues ? escape(value) : value);
                }
            }
            return out.append(literals.get(placeholders.size())).toString();
        }
    }
}
