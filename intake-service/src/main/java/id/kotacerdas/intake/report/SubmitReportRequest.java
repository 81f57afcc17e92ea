package id.kotacerdas.intake.report;

import java.util.Map;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportType;

/**
 * The JSON body of {@code POST /api/v1/reports} (or its {@code report} part when photos are attached).
 * Typed fields: an operator object such as {@code {"$gt": ""}} where text is expected is refused.
 */
public record SubmitReportRequest(String jurisdiction, ReportType type, String serviceCode, String description,
                                  LocationBody location, ReporterBody reporter, Boolean anonymous,
                                  Boolean confidential, ReportChannel channel, Map<String, String> attributes) {

    public record LocationBody(Double latitude, Double longitude, String address, String districtCode,
                               String villageCode) {
    }

    public record ReporterBody(String name, String phone, String email, Channel preferredChannel, String locale) {

        @Override
        public String toString() {
            return "ReporterBody[masked]";
        }
    }
}
