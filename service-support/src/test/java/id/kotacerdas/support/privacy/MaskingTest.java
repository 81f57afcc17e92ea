package id.kotacerdas.support.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void aPhoneNumberKeepsOnlyItsPrefixAndLastFourDigits() {
        assertThat(Masking.phone("+6281234565678")).isEqualTo("+62812****5678");
    }

    @Test
    void anEmailKeepsOnlyItsFirstLetterAndDomain() {
        assertThat(Masking.email("budi.santoso@example.id")).isEqualTo("b***@example.id");
    }

    @Test
    void aNikKeepsOnlyItsRegionAndLastFourDigits() {
        assertThat(Masking.nik("3509123456780001")).isEqualTo("3509********0001");
    }

    @Test
    void shortOrMissingValuesRevealNothing() {
        assertThat(Masking.phone("12345")).isEqualTo("****");
        assertThat(Masking.email("nobody")).isEqualTo("***");
        assertThat(Masking.phone(null)).isNull();
    }
}
