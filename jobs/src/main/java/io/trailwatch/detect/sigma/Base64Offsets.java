package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The three forms a byte string takes inside longer base64 text, by its offset modulo 3 there: each
 * is the encoding of the bytes after 0, 1 or 2 filler bytes, without the characters the filler or
 * the unknown bytes that follow decide.
 */
final class Base64Offsets {
    private static final int[] START = {0, 2, 3};

    private Base64Offsets() {}

    static List<String> of(byte[] value) {
        List<String> out = new ArrayList<>(3);
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[shift + value.length];
            System.arraycopy(value, 0, padded, shift, value.length);
            String enc = Base64.getEncoder().encodeToString(padded);
            // characters that depend on the bytes after the value: the last partial group
            int tail = (value.length + shift) % 3;
            int end = enc.length() - (tail == 0 ? 0 : tail == 1 ? 3 : 2);
            int start = START[shift];
            out.add(end > start ? enc.substring(start, end) : "");
        }
        return out;
    }
}
