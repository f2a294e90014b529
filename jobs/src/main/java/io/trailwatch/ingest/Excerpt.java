package io.trailwatch.ingest;

import java.nio.charset.StandardCharsets;

/** A short, printable excerpt of offending input for dead letters. */
public final class Excerpt {
    public static final int MAX_CHARS = 256;

    private Excerpt() {}

    public static String of(byte[] data) {
        return data == null ? "" : of(data, 0, data.length);
    }

    public static String of(byte[] data, int offset, int length) {
        int from = Math.max(0, Math.min(offset, data.length));
        int n = Math.max(0, Math.min(Math.min(length, MAX_CHARS * 4), data.length - from));
        return of(new String(data, from, n, StandardCharsets.UTF_8));
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        int i = 0;
        for (; i < text.length(); i++) {
            String piece = printable(text.charAt(i));
            if (out.length() + piece.length() > MAX_CHARS) {
                break;
            }
            out.append(piece);
        }
        if (i < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private static String printable(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\t') {
            return "\\t";
        }
        if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
            // Binary input: show the code rather than break terminals and JSON readers.
            return String.format("\\x%02x", (int) c & 0xff);
        }
        return String.valueOf(c);
    }
}
