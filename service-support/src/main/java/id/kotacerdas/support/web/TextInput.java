package id.kotacerdas.support.web;

/**
 * Free text as people type it, in any script, but well formed: no unpaired UTF-16 surrogates (they cannot be
 * stored or shown faithfully) and no control characters other than tab and line breaks.
 */
public final class TextInput {

    private TextInput() {
    }

    public static boolean isWellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
