package id.kotacerdas.support.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextInputTest {

    @Test
    void textInAnyScriptWithEmojiAndLineBreaksIsWellFormed() {
        assertThat(TextInput.isWellFormed("Jalan rusak \uD83D\uDEA7\nشارع مكسور\tदिल्ली é")).isTrue();
    }

    @Test
    void unpairedSurrogatesAndControlCharactersAreNot() {
        assertThat(TextInput.isWellFormed("\ud800 lone")).isFalse();
        assertThat(TextInput.isWellFormed("\udfff\ud800")).isFalse();
        assertThat(TextInput.isWellFormed("end\ud83d")).isFalse();
        assertThat(TextInput.isWellFormed("nul\u0000")).isFalse();
        assertThat(TextInput.isWellFormed("bell\u0007")).isFalse();
    }
}
