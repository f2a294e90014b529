package io.trailwatch.ingest;

/** Small content checks that decide an input's kind from its bytes. */
public final class ContentSniffer {
    private ContentSniffer() {}

    /** Index of the first byte that is not whitespace or a UTF-8 byte-order mark, or -1. */
    public static int firstSignificantByte(byte[] data, int from) {
        return firstSignificantByte(data, from, data.length);
    }

    /** Like {@link #firstSignificantByte(byte[], int)}, within {@code data[from, to)}. */
    public static int firstSignificantByte(byte[] data, int from, int to) {
        int i = from;
        if (to - i >= 3
                && (data[i] & 0xff) == 0xef
                && (data[i + 1] & 0xff) == 0xbb
                && (data[i + 2] & 0xff) == 0xbf) {
            i += 3;
        }
        for (; i < to; i++) {
            byte b = data[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return i;
            }
        }
        return -1;
    }

    /** Whether the bytes read as text: no NUL and few other control characters. */
    public static boolean isText(byte[] data) {
        return isText(data, 0, data.length);
    }

    public static boolean isText(byte[] data, int offset, int length) {
        int end = Math.min(data.length, offset + Math.min(length, 4096));
        int control = 0;
        for (int i = offset; i < end; i++) {
            int b = data[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return control * 100 <= Math.max(1, end - offset);
    }
}
