package id.kotacerdas.routing.rule;

import id.kotacerdas.contracts.report.ReportType;

/** What routing looks at in a report. */
public record ReportFacts(String jurisdictionId, String category, String categoryGroup, String districtCode,
                          ReportType type, String text) {
}
