package io.trailwatch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last text value seen at each field position of a flow log format, so that a line repeating it
 * (the account, the interface, {@code ACCEPT}, {@code OK}: most fields of consecutive lines) gets
 * the same string instead of a new one. One per decoder thread: it is not safe to share.
 */
final class RepeatedValues {
    /** Values longer than this are always new strings: they rarely repeat and would cost a copy. */
    static final int MAX_KEPT = 64;

    /** Misses in a row after which a position stops being compared for a while. */
    static final int MISSES_BEFORE_PAUSE = 8;

    /** Values taken as new strings, uncompared, while a position pauses. */
    static final int PAUSE = 256;

    private byte[][] bytes = new byte[0][];
    private int[] lengths = new int[0];
    private String[] strings = new String[0];
    private int[] misses = new int[0];
    private int[] paused = new int[0];

    /** The text in {@code data[from, to)}, the field at {@code position} of its line. */
    String text(int position, byte[] data, int from, int to) {
        int length = to - from;
        if (length > MAX_KEPT) {
            return new String(data, from, length, StandardCharsets.UTF_8);
        }
        if (position >= strings.length) {
            grow(position + 1);
        }
        if (paused[position] > 0) {
            // a field that changes on every line (an address): comparing and keeping it is waste
            paused[position]--;
            return new String(data, from, length, StandardCharsets.UTF_8);
        }
        byte[] kept = bytes[position];
        if (lengths[position] == length
                && strings[position] != null
                && Arrays.equals(kept, 0, length, data, from, to)) {
            misses[position] = 0;
            return strings[position];
        }
        String s = new String(data, from, length, StandardCharsets.UTF_8);
        System.arraycopy(data, from, kept, 0, length);
        lengths[position] = length;
        strings[position] = s;
        if (++misses[position] >= MISSES_BEFORE_PAUSE) {
            misses[position] = 0;
            paused[position] = PAUSE;
        }
        return s;
    }

    private void grow(int size) {
        int old = strings.length;
        bytes = Arrays.copyOf(bytes, size);
        lengths = Arrays.copyOf(lengths, size);
        strings = Arrays.copyOf(strings, size);
        misses = Arrays.copyOf(misses, size);
        paused = Arrays.copyOf(paused, size);
        for (int i = old; i < size; i++) {
            bytes[i] = new byte[MAX_KEPT];
        }
    }
}
