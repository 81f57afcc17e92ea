package id.kotacerdas.intake.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsCommandTest {

    @Test
    void aStructuredReportIsReadInAnyCaseWithSpacesAroundTheSeparators() {
        assertThat(SmsCommand.parse(" lapor # Jalan #  Jl. Cendrawasih, Timika # lubang besar # dalam "))
                .isEqualTo(new SmsCommand.Report("Jalan", "Jl. Cendrawasih, Timika", "lubang besar dalam"));
        assertThat(SmsCommand.parse("LAPOR#sampah#menumpuk di pasar"))
                .isEqualTo(new SmsCommand.Report("sampah", null, "menumpuk di pasar"));
        assertThat(SmsCommand.parse("Lapor#air pdam mati sejak kemarin"))
                .isEqualTo(new SmsCommand.Report(null, null, "air pdam mati sejak kemarin"));
    }

    @Test
    void aStatusQuestionNamesTheTrackingNumber() {
        assertThat(SmsCommand.parse("cek mmk-2026-000123")).isEqualTo(new SmsCommand.Check("MMK-2026-000123"));
        assertThat(SmsCommand.parse("CEK#BDG-2026-000001 ")).isEqualTo(new SmsCommand.Check("BDG-2026-000001"));
        assertThat(SmsCommand.parse("Cek bys 2026 42")).isEqualTo(new SmsCommand.Check("BYS-2026-000042"));
    }

    @Test
    void freeTextOfSeveralWordsIsAReport() {
        assertThat(SmsCommand.parse("Lampu jalan mati di Kwamki Baru"))
                .isEqualTo(new SmsCommand.Report(null, null, "Lampu jalan mati di Kwamki Baru"));
    }

    @Test
    void whatCannotBeUnderstoodGetsTheHelpText() {
        assertThat(SmsCommand.parse("halo")).isInstanceOf(SmsCommand.Help.class);
        assertThat(SmsCommand.parse("INFO")).isInstanceOf(SmsCommand.Help.class);
        assertThat(SmsCommand.parse("   ")).isInstanceOf(SmsCommand.Help.class);
        assertThat(SmsCommand.parse("LAPOR#jalan#")).isInstanceOf(SmsCommand.Help.class);
        assertThat(SmsCommand.parse("CEK")).isInstanceOf(SmsCommand.Help.class);
        assertThat(SmsCommand.parse("?? 123")).isInstanceOf(SmsCommand.Help.class);
    }
}
