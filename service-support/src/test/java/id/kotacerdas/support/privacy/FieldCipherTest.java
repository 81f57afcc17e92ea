package id.kotacerdas.support.privacy;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    final FieldCipher cipher = FieldCipher.fromBase64Key("TEST_KEY", KEY);

    @Test
    void aSealedValueOpensWithTheSameAssociatedDataAndDoesNotShowThePlaintext() {
        String sealed = cipher.seal("+6281234565678", "report-1");

        assertThat(sealed).doesNotContain("6281234565678");
        assertThat(cipher.open(sealed, "report-1")).isEqualTo("+6281234565678");
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(cipher.seal("Budi", "x")).isNotEqualTo(cipher.seal("Budi", "x"));
    }

    @Test
    void aValueCopiedOntoAnotherDocumentDoesNotOpen() {
        String sealed = cipher.seal("Budi", "report-1");

        assertThatThrownBy(() -> cipher.open(sealed, "report-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChangedValueOrAnotherKeyDoesNotOpen() {
        String sealed = cipher.seal("Budi", "report-1");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        FieldCipher other = FieldCipher.fromBase64Key("TEST_KEY", Base64.getEncoder().encodeToString(new byte[]{
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));

        assertThatThrownBy(() -> cipher.open(Base64.getEncoder().encodeToString(bytes), "report-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> other.open(sealed, "report-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingOrShortKeyIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> FieldCipher.fromBase64Key("INTAKE_CONTACT_KEY", ""))
                .hasMessageContaining("INTAKE_CONTACT_KEY");
        assertThatThrownBy(() -> FieldCipher.fromBase64Key("INTAKE_CONTACT_KEY", "c2hvcnQ="))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aKeyedHashIsStableAndDependsOnTheKey() {
        KeyedHash hash = KeyedHash.fromBase64Key("TEST_KEY", KEY);
        KeyedHash other = KeyedHash.fromBase64Key("TEST_KEY", Base64.getEncoder().encodeToString(new byte[]{
                9, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));

        assertThat(hash.hexOf("3509123456780001")).isEqualTo(hash.hexOf("3509123456780001")).hasSize(64)
                .isNotEqualTo(other.hexOf("3509123456780001"));
    }
}
