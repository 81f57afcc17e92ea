package id.kotacerdas.intake.catalogue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;

/** The categories citizens can report, per jurisdiction: lookups by code and by keyword. */
@Component
public class ServiceCatalogue {

    /** The category used when nothing more specific fits. */
    public static final String GENERAL = "lainnya";

    private final List<CatalogueEntry> entries;

    public ServiceCatalogue(Jurisdictions jurisdictions) {
        this.entries = SeedCatalogue.entries(jurisdictions.all().stream().map(Jurisdiction::id).toList());
    }

    public List<CatalogueEntry> services(String jurisdictionId) {
        return entries.stream().filter(e -> e.jurisdictionId().equals(jurisdictionId)).toList();
    }

    public Optional<CatalogueEntry> find(String jurisdictionId, String code) {
        return entries.stream().filter(e -> e.jurisdictionId().equals(jurisdictionId) && e.code().equals(code))
                .findFirst();
    }

    /** The category whose code or keyword is exactly {@code keyword} (e.g. the category of an SMS "LAPOR#JALAN#..."). */
    public Optional<CatalogueEntry> byKeyword(String jurisdictionId, String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return Optional.empty();
        }
        return services(jurisdictionId).stream().filter(e -> e.hasKeyword(keyword)).findFirst();
    }

    /** The category whose keywords occur most often in free text, else the general category. */
    public CatalogueEntry guess(String jurisdictionId, String text) {
        List<String> words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isBlank()).toList();
        return services(jurisdictionId).stream()
                .filter(e -> !e.code().equals(GENERAL))
                .map(e -> new Scored(e, words.stream().filter(e::hasKeyword).count()))
                .filter(s -> s.hits() > 0)
                .max(Comparator.comparingLong(Scored::hits))
                .map(Scored::entry)
                .or(() -> find(jurisdictionId, GENERAL))
                .orElseThrow(() -> new IllegalStateException("No general category in " + jurisdictionId));
    }

    private record Scored(CatalogueEntry entry, long hits) {
    }
}
