package id.kotacerdas.notification.template;

import id.kotacerdas.contracts.notification.NotificationTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every template named in {@link NotificationTemplates}, in Bahasa Indonesia ({@code id}, the default)
 * and English ({@code en}), loaded from {@code templates/<locale>/<name>.txt} at startup: a missing
 * file stops the service rather than a message.
 */
@Component
public class TemplateCatalog {

    public static final List<String> LOCALES = List.of("id", "en");
    static final String DEFAULT_LOCALE = "id";

    private final Map<String, MessageTemplate> templates = new HashMap<>();
    private final MessageTemplate.Text layout;

    public TemplateCatalog() {
        for (String locale : LOCALES) {
            for (String name : NotificationTemplates.ALL) {
                String path = "templates/" + locale + "/" + name + ".txt";
                templates.put(key(name, locale), MessageTemplate.parse(name, locale, read(path)));
            }
        }
        layout = MessageTemplate.Text.of(read("templates/layout.html"));
    }

    public boolean knows(String name) {
        return name != null && templates.containsKey(key(name, DEFAULT_LOCALE));
    }

    /**
     * Renders a template in the requested locale ({@code id}, {@code en}, or a tag such as {@code en-US});
     * other locales fall back to Bahasa Indonesia. {@code recipientName} is available to every template.
     */
    public Optional<RenderedMessage> render(String name, String locale, Map<String, String> parameters,
                                            String recipientName) {
        MessageTemplate template = templates.get(key(name, languageOf(locale)));
        if (template == null) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>(parameters == null ? Map.of() : parameters);
        values.putIfAbsent("recipientName", recipientName == null || recipientName.isBlank()
                ? ("en".equals(template.locale()) ? "Sir/Madam" : "Bapak/Ibu") : recipientName);
        return Optional.of(template.render(values, layout));
    }

    static String languageOf(String locale) {
        if (locale == null || locale.isBlank()) {
            return DEFAULT_LOCALE;
        }
        String language = Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return LOCALES.contains(language) ? language : DEFAULT_LOCALE;
    }

    private static String key(String name, String locale) {
        return locale + "/" + name;
    }

    private static String read(String path) {
        try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing template file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
