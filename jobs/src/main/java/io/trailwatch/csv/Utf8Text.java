package io.trailwatch.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A file's bytes as UTF-8 text, decoded strictly: bytes that are not UTF-8 are an error that names
 * their line, column and byte offset, never replaced by U+FFFD, which would let a table saved in
 * another encoding be read with quietly wrong values. A leading byte order mark is dropped.
 */
public final class Utf8Text {
    private static final int BOM_LENGTH = 3;

    private Utf8Text() {}

    public static String decode(byte[] bytes) throws CsvTableException {
        int start = hasByteOrderMark(bytes) ? BOM_LENGTH : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            String before = out.flip().toString();
            throw new CsvTableException(
                    TextLines.of(before).at(before.length()) + " (byte offset " + offset + ")",
                    "not UTF-8 ("
                            + hex(bytes, offset, result.length())
                            + "); save the file as UTF-8");
        }
        return out.flip().toString();
    }

    private static boolean hasByteOrderMark(byte[] bytes) {
        return bytes.length >= BOM_LENGTH
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
    }

    private static String hex(byte[] bytes, int offset, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + length); i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i]));
        }
        return sb.toString();
    }
}
