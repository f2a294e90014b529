package io.trailwatch.ingest;

import java.util.Arrays;

/** A growable byte buffer for a run of lines, which can be cut back to an earlier size. */
final class LineRunBuffer {
    private byte[] bytes;
    private int size;

    LineRunBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    void write(byte[] source, int from, int length) {
        ensure(length);
        System.arraycopy(source, from, bytes, size, length);
        size += length;
    }

    void write(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    byte last() {
        return bytes[size - 1];
    }

    void truncate(int newSize) {
        size = newSize;
    }

    /** Up to {@code max} bytes from {@code from} on. */
    byte[] copyFrom(int from, int max) {
        return Arrays.copyOfRange(bytes, from, Math.min(size, from + max));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
