package io.trailwatch.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link LimitExceededException} once more than a set number of bytes has been read. */
public final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    public BoundedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws LimitExceededException {
        count += n;
        if (count > limit) {
            throw new LimitExceededException(what + " exceeds the limit of " + limit + " bytes");
        }
    }

    /**
     * Thrown when the bound is crossed; an {@link IOException} so that stream code passes it
     * through.
     */
    public static final class LimitExceededException extends IOException {
        public LimitExceededException(String message) {
            super(message);
        }
    }
}
