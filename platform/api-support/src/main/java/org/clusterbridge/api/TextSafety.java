package org.clusterbridge.api;

/**
 * Text a store would alter or refuse: NUL (PostgreSQL rejects it) and unpaired UTF-16 surrogates (not
 * encodable in UTF-8, silently replaced on the way to a store). Such text is refused with a 400 instead.
 */
public final class TextSafety {

    private TextSafety() {
    }

    /** Why the text cannot be stored as it is, or null when it can. */
    public static String problem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }
}
