package id.kotacerdas.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmsEncodingTest {

    @Test
    void a160CharacterLatinTextIsOneGsm7Part() {
        EncodedSms sms = SmsEncoding.encode("a".repeat(160));
        assertThat(sms.isUcs2()).isFalse();
        assertThat(sms.parts()).isEqualTo(1);
        assertThat(sms.bodies().get(0)).hasSize(160);
    }

    @Test
    void a161CharacterTextIsSplitInto153SeptetParts() {
        EncodedSms sms = SmsEncoding.encode("b".repeat(161));
        assertThat(sms.parts()).isEqualTo(2);
        assertThat(sms.texts()).extracting(String::length).containsExactly(153, 8);
    }

    @Test
    void extensionCharactersCountTwiceAndAreNeverSplitFromTheirEscape() {
        assertThat(SmsEncoding.encode("€".repeat(80)).parts()).isEqualTo(1);
        EncodedSms sms = SmsEncoding.encode("x" + "€".repeat(80));
        assertThat(sms.parts()).isEqualTo(2);
        assertThat(sms.bodies().get(0)).hasSize(153);
        assertThat(sms.texts().get(0)).isEqualTo("x" + "€".repeat(76));
        assertThat(String.join("", sms.texts())).isEqualTo("x" + "€".repeat(80));
    }

    @Test
    void anEmojiSwitchesTheWholeMessageToUcs2With70And67UnitParts() {
        assertThat(SmsEncoding.encode("Terima kasih 🙏").isUcs2()).isTrue();
        assertThat(SmsEncoding.encode("c".repeat(70 - 2) + "🙏").parts()).isEqualTo(1);
        EncodedSms split = SmsEncoding.encode("d".repeat(66) + "🙏" + "e".repeat(10));
        assertThat(split.parts()).isEqualTo(2);
        assertThat(split.texts().get(0)).isEqualTo("d".repeat(66));
        assertThat(split.texts().get(1)).isEqualTo("🙏" + "e".repeat(10));
        assertThat(new String(split.bodies().get(1), StandardCharsets.UTF_16BE)).isEqualTo("🙏" + "e".repeat(10));
    }

    @Test
    void aNonLatinNameSwitchesToUcs2() {
        assertThat(SmsEncoding.encode("Halo 王小明, laporan diterima").isUcs2()).isTrue();
        assertThat(SmsEncoding.encode("Halo Ñoño, laporan diterima").isUcs2()).isFalse();
    }

    @Test
    void gsm7AndUcs2BodiesDecodeBackToTheText() {
        String latin = "Biaya {Rp} [5.000] ~ €";
        EncodedSms gsm = SmsEncoding.encode(latin);
        assertThat(SmsEncoding.decode(gsm.bodies().get(0), gsm.dataCoding())).isEqualTo(latin);
        EncodedSms ucs2 = SmsEncoding.encode("Selamat 😀");
        assertThat(SmsEncoding.decode(ucs2.bodies().get(0), ucs2.dataCoding())).isEqualTo("Selamat 😀");
    }
}
