package id.kotacerdas.notification.template;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One template file: {@code subject:} and {@code sms:} lines, then {@code text:} and {@code html:}
 * sections. Placeholders are {@code {name}}; in HTML the values are escaped. A missing parameter
 * renders as an empty string, because several parameters are documented as optional.
 */
record MessageTemplate(String name, String locale, String subject, String sms, String text, String html) {

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
        return new MessageTemplate(name, locale, subject, sms, text.toString().strip(), html.toString().strip());
    }

    RenderedMessage render(Map<String, String> parameters, String layout) {
        String body = fill(html, parameters, true);
        String renderedSubject = fill(subject, parameters, false);
        return new RenderedMessage(fill(sms, parameters, false), renderedSubject, fill(text, parameters, false),
                layout.replace("{subject}", escape(renderedSubject)).replace("{lang}", locale).replace("{body}", body));
    }

    private static String fill(String template, Map<String, String> parameters, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = parameters.getOrDefault(matcher.group(1), "");
            value = value == null ? "" : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
