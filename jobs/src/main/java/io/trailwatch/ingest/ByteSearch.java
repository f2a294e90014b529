package io.trailwatch.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte eight at a time: every byte of the input passes through a newline search before it
 * is decoded, so a byte-at-a-time loop there costs as much as splitting the lines into fields.
 */
final class ByteSearch {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {}

    /** Index of the first {@code b} in {@code data[from, to)}, or -1. */
    static int indexOf(byte[] data, int from, int to, byte b) {
        long pattern = ONES * (b & 0xff);
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) LONGS.get(data, i) ^ pattern;
            // A byte of x is zero where data has b; this sets the high bit of the first such byte
            // (and maybe of later ones, never of earlier ones).
            long zeros = (x - ONES) & ~x & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
