package id.kotacerdas.routing.rule;

import id.kotacerdas.contracts.report.ReportType;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Locale;

/**
 * A rule's conditions. Every non-empty condition must hold; within one condition any listed value will do.
 * Keywords match case-insensitively anywhere in the report's text. No conditions at all matches everything.
 */
public record RuleMatch(@Size(max = 50) List<String> categories,
                        @Size(max = 50) List<String> categoryGroups,
                        @Size(max = 200) List<String> districts,
                        @Size(max = 4) List<ReportType> reportTypes,
                        @Size(max = 50) List<String> keywords) {

    public RuleMatch {
        categories = categories == null ? List.of() : List.copyOf(categories);
        categoryGroups = categoryGroups == null ? List.of() : List.copyOf(categoryGroups);
        districts = districts == null ? List.of() : List.copyOf(districts);
        reportTypes = reportTypes == null ? List.of() : List.copyOf(reportTypes);
        keywords = keywords == null ? List.of() : keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    public static RuleMatch everything() {
        return new RuleMatch(null, null, null, null, null);
    }

    public boolean matches(ReportFacts report) {
        return (categories.isEmpty() || categories.contains(report.category()))
                && (categoryGroups.isEmpty() || categoryGroups.contains(report.categoryGroup()))
                && (districts.isEmpty() || districts.contains(report.districtCode()))
                && (reportTypes.isEmpty() || reportTypes.contains(report.type()))
                && (keywords.isEmpty() || containsAnyKeyword(report.text()));
    }

    private boolean containsAnyKeyword(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return keywords.stream().anyMatch(lower::contains);
    }
}
