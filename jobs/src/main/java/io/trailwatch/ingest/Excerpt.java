package io.trailwatch.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A short, printable excerpt of offending input for dead letters: text as it is, control characters
 * and bytes that are not UTF-8 shown by their code ({@code \x00}, {@code \xfe}), at most {@link
 * #MAX_CHARS} characters.
 */
public final class Excerpt {
    public static final int MAX_CHARS = 256;

    private Excerpt() {}

    public static String of(byte[] data) {
        return data == null ? "" : of(data, 0, data.length);
    }

    public static String of(byte[] data, int offset, int length) {
        int from = Math.max(0, Math.min(offset, data.length));
        int n = Math.max(0, Math.min(length, data.length - from));
        CharsetDecoder utf8 =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data, from, Math.min(n, MAX_CHARS * 4));
        CharBuffer chars = CharBuffer.allocate(MAX_CHARS * 4 + 8);
        StringBuilder out = new StringBuilder(MAX_CHARS + 8);
        boolean truncated = n > MAX_CHARS * 4;
        while (in.hasRemaining()) {
            CoderResult r = utf8.decode(in, chars, true);
            chars.flip();
            while (chars.hasRemaining()) {
                if (!append(out, printable(chars.get()))) {
                    return out.append('…').toString();
                }
            }
            chars.clear();
            if (r.isError()) {
                // The byte itself, not the replacement character, is what helps whoever reads the
                // letter.
                for (int i = 0; i < r.length(); i++) {
                    if (!append(out, String.format("\\x%02x", in.get() & 0xff))) {
                        return out.append('…').toString();
                    }
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        return truncated ? out.append('…').toString() : out.toString();
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
        for (int i = 0; i < text.length(); i++) {
            if (!append(out, printable(text.charAt(i)))) {
                return out.append('…').toString();
            }
        }
        return out.toString();
    }

    /** Appends a piece unless it would pass the bound. */
    private static boolean append(StringBuilder out, String piece) {
        if (out.length() + piece.length() > MAX_CHARS) {
            return false;
        }
        out.append(piece);
        return true;
    }

    private static String printable(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\t') {
            return "\\t";
        }
        if (c < 0x20 || c == 0x7f) {
            // Control characters would break terminals and readers of the dead-letter file.
            return String.format("\\x%02x", (int) c);
        }
        return String.valueOf(c);
    }
}
