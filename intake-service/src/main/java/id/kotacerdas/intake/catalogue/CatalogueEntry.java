package id.kotacerdas.intake.catalogue;

import java.util.List;
import java.util.Locale;

/**
 * A category citizens can report in one jurisdiction (an Open311 service). {@code urgent} categories
 * (such as Bandung's Layad Rawat home care) are handled within hours rather than days.
 */
public record CatalogueEntry(String jurisdictionId, String code, String name, String nameEn, String group,
                             String description, List<String> keywords, List<ServiceAttribute> attributes,
                             boolean urgent) {

    public String nameFor(String locale) {
        return "en".equals(locale) ? nameEn : name;
    }

    public boolean hasKeyword(String word) {
        String wanted = word.trim().toLowerCase(Locale.ROOT);
        return code.equals(wanted) || keywords.contains(wanted);
    }
}
