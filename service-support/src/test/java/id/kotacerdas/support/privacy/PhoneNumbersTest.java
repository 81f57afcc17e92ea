package id.kotacerdas.support.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void indonesianMobileNumbersInAnyCommonFormBecomeE164() {
        assertThat(PhoneNumbers.normalise("081234567890")).contains("+6281234567890");
        assertThat(PhoneNumbers.normalise("6281234567890")).contains("+6281234567890");
        assertThat(PhoneNumbers.normalise("+62 812-3456-7890")).contains("+6281234567890");
        assertThat(PhoneNumbers.normalise("(0812) 3456.7890")).contains("+6281234567890");
    }

    @Test
    void otherTextIsNotAPhoneNumber() {
        assertThat(PhoneNumbers.normalise("12345")).isEmpty();
        assertThat(PhoneNumbers.normalise("+14155550100")).isEmpty();
        assertThat(PhoneNumbers.normalise("0812abc")).isEmpty();
        assertThat(PhoneNumbers.normalise("0215551234")).isEmpty();
    }
}
