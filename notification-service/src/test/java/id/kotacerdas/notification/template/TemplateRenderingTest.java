package id.kotacerdas.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.contracts.notification.NotificationTemplates;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TemplateRenderingTest {

    /** The parameters each template reads, as documented in NotificationTemplates. */
    static final Map<String, Map<String, String>> PARAMETERS = Map.ofEntries(
            Map.entry(NotificationTemplates.REPORT_RECEIVED, Map.of("trackingNumber", "MMK-2026-000001", "serviceName", "Jalan rusak")),
            Map.entry(NotificationTemplates.REPORT_ROUTED, Map.of("trackingNumber", "MMK-2026-000001",
                    "agencyName", "Dinas PUPR Kabupaten Mimika", "acknowledgeBy", "2 Des 2026 17:00 WIT")),
            Map.entry(NotificationTemplates.REPORT_IN_PROGRESS, Map.of("trackingNumber", "MMK-2026-000001",
                    "agencyName", "Dinas PUPR Kabupaten Mimika")),
            Map.entry(NotificationTemplates.REPORT_RESOLVED, Map.of("trackingNumber", "MMK-2026-000001",
                    "agencyName", "Dinas PUPR Kabupaten Mimika", "resolutionNote", "Lubang sudah ditambal")),
            Map.entry(NotificationTemplates.REPORT_REJECTED, Map.of("trackingNumber", "MMK-2026-000001",
                    "agencyName", "DLH Mimika", "reason", "Bukan kewenangan DLH")),
            Map.entry(NotificationTemplates.REPORT_ESCALATED, Map.of("trackingNumber", "MMK-2026-000001", "level", "2")),
            Map.entry(NotificationTemplates.REPORT_CLOSED, Map.of("trackingNumber", "MMK-2026-000001")),
            Map.entry(NotificationTemplates.REPORT_STATUS, Map.of("trackingNumber", "MMK-2026-000001",
                    "status", "IN_PROGRESS", "agencyName", "Dinas PUPR Kabupaten Mimika")),
            Map.entry(NotificationTemplates.SMS_INTAKE_HELP, Map.of()),
            Map.entry(NotificationTemplates.ASSIGNMENT_NEW, Map.of("agencyName", "Dinkes Kota Bandung",
                    "trackingNumber", "BDG-2026-000009", "serviceName", "Layad Rawat", "priority", "URGENT",
                    "acknowledgeBy", "28 Nov 2026 10:00 WIB", "resolveBy", "28 Nov 2026 12:00 WIB")),
            Map.entry(NotificationTemplates.ASSIGNMENT_ESCALATED, Map.of("agencyName", "Dinkes Kota Bandung",
                    "trackingNumber", "BDG-2026-000009", "level", "1", "missedDeadline", "ACKNOWLEDGE",
                    "deadline", "28 Nov 2026 14:00 WIB")),
            Map.entry(NotificationTemplates.ELECTION_REMINDER, Map.of("electionName", "Pilkades Kwamki 2026",
                    "villageName", "Kwamki", "tpsName", "TPS 03", "date", "12 Desember 2026", "opensAt", "07.00",
                    "closesAt", "13.00")),
            Map.entry(NotificationTemplates.ELECTION_RESULTS, Map.of("electionName", "Pilkades Kwamki 2026",
                    "villageName", "Kwamki", "resultsUrl", "https://kotacerdas.id/pemilihan/kwamki")),
            Map.entry(NotificationTemplates.OPT_OUT_CONFIRMED, Map.of()),
            Map.entry(NotificationTemplates.OPT_IN_CONFIRMED, Map.of()));

    static final TemplateCatalog CATALOG = new TemplateCatalog();

    static Stream<Arguments> everyTemplateInEveryLocale() {
        return NotificationTemplates.ALL.stream()
                .flatMap(name -> TemplateCatalog.LOCALES.stream().map(locale -> Arguments.of(name, locale)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLocale")
    void everyTemplateRendersEveryDocumentedParameterInEveryPart(String name, String locale) {
        Map<String, String> parameters = PARAMETERS.get(name);
        assertThat(parameters).as("test lists the parameters of " + name).isNotNull();

        RenderedMessage message = CATALOG.render(name, locale, parameters, "Siti Aminah").orElseThrow();

        assertThat(message.subject()).isNotBlank().doesNotContain("{", "\n");
        assertThat(message.sms()).isNotBlank().doesNotContainPattern("\\{[A-Za-z]+}");
        assertThat(message.text()).doesNotContainPattern("\\{[A-Za-z]+}");
        assertThat(message.html()).doesNotContainPattern("\\{[A-Za-z]+}").startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"" + locale + "\">");
        parameters.values().forEach(value -> {
            assertThat(message.text()).as("text of %s/%s shows %s", locale, name, value).contains(value);
            assertThat(message.html()).as("html of %s/%s shows %s", locale, name, value).contains(value);
        });
        assertThat(message.sms().length()).as("SMS of %s/%s fits two parts", locale, name).isLessThanOrEqualTo(306);
    }

    @Test
    void indonesianAndEnglishDiffer() {
        Map<String, String> parameters = PARAMETERS.get(NotificationTemplates.REPORT_RECEIVED);
        RenderedMessage id = CATALOG.render(NotificationTemplates.REPORT_RECEIVED, "id", parameters, null).orElseThrow();
        RenderedMessage en = CATALOG.render(NotificationTemplates.REPORT_RECEIVED, "en", parameters, null).orElseThrow();
        assertThat(id.subject()).isEqualTo("Laporan MMK-2026-000001 telah kami terima");
        assertThat(en.subject()).isEqualTo("We received your report MMK-2026-000001");
        assertThat(id.text()).startsWith("Yth. Bapak/Ibu,");
        assertThat(en.text()).startsWith("Dear Sir/Madam,");
    }

    @Test
    void regionalTagsAndUnknownLocalesFallBackSensibly() {
        Map<String, String> parameters = PARAMETERS.get(NotificationTemplates.REPORT_CLOSED);
        assertThat(CATALOG.render(NotificationTemplates.REPORT_CLOSED, "en-US", parameters, "A").orElseThrow().subject())
                .isEqualTo("Report MMK-2026-000001 closed");
        assertThat(CATALOG.render(NotificationTemplates.REPORT_CLOSED, "jv", parameters, "A").orElseThrow().subject())
                .isEqualTo("Laporan MMK-2026-000001 ditutup");
        assertThat(CATALOG.render("no-such-template", "id", parameters, "A")).isEmpty();
    }

    @Test
    void parameterValuesAreEscapedInHtmlOnly() {
        RenderedMessage message = CATALOG.render(NotificationTemplates.REPORT_REJECTED, "id",
                Map.of("trackingNumber", "X-1", "agencyName", "Dinas <script>", "reason", "a & b"), "Tono").orElseThrow();
        assertThat(message.html()).contains("Dinas &lt;script&gt;").contains("a &amp; b").doesNotContain("<script>");
        assertThat(message.text()).contains("Dinas <script>").contains("a & b");
    }
}
