package io.trailwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads byte lines from a stream without ever holding more than a bound of one line in memory. */
final class LineReader {
    /** How much of an over-long line is kept for its dead-letter excerpt. */
    static final int TOO_LONG_KEPT = 1024;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;

    /**
     * Set by {@link #readLine} when the line it returns was cut at the bound (only its start is
     * kept).
     */
    boolean lastLineTooLong;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}), or {@code null} at the
     * end. A read that fails part way is a {@link PartialInputException} with the line so far.
     */
    byte[] readLine(long maxBytes) throws IOException {
        LineRunBuffer line = new LineRunBuffer(256);
        try {
            if (!appendLine(line, maxBytes)) {
                return null;
            }
        } catch (IOException e) {
            throw new PartialInputException(e, line.toByteArray());
        }
        return lastLineTooLong ? tooLongStart : line.toByteArray();
    }

    /**
     * Appends the next line, without its terminator, to {@code run}; returns false at the end. A
     * line over {@code maxBytes} is not appended: {@link #lastLineTooLong} is set and its start
     * kept in {@link #tooLongStart}. Spares the copy of each line into an array of its own, where
     * runs of lines are what the caller wants.
     */
    boolean appendLine(LineRunBuffer run, long maxBytes) throws IOException {
        lastLineTooLong = false;
        tooLongStart = null;
        int mark = run.size();
        long total = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit && !fill()) {
                break;
            }
            any = true;
            int start = pos;
            int newline = ByteSearch.indexOf(buf, pos, limit, (byte) '\n');
            pos = newline >= 0 ? newline : limit;
            int n = pos - start;
            total += n;
            if (!lastLineTooLong) {
                if (total > maxBytes) {
                    lastLineTooLong = true;
                    byte[] kept = run.copyFrom(mark, TOO_LONG_KEPT);
                    int more = Math.max(0, Math.min(n, TOO_LONG_KEPT - kept.length));
                    tooLongStart = Arrays.copyOf(kept, kept.length + more);
                    System.arraycopy(buf, start, tooLongStart, kept.length, more);
                    run.truncate(mark);
                } else {
                    run.write(buf, start, n);
                }
            }
            if (pos < limit) {
                pos++; // the newline
                break;
            }
        }
        if (!any) {
            return false;
        }
        if (!lastLineTooLong && run.size() > mark && run.last() == '\r') {
            run.truncate(run.size() - 1);
        }
        return true;
    }

    /** The start of the last line {@link #appendLine} found too long. */
    byte[] tooLongStart;

    /**
     * Index-free peek at the next byte that is not whitespace, or -1 at the end; consumes the
     * whitespace.
     */
    int peekSignificant() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return -1;
            }
            byte b = buf[pos];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                pos++;
                continue;
            }
            if ((b & 0xff) == 0xef
                    && ensure(3)
                    && (buf[pos + 1] & 0xff) == 0xbb
                    && (buf[pos + 2] & 0xff) == 0xbf) {
                pos += 3;
                continue;
            }
            return b & 0xff;
        }
    }

    /**
     * Reads everything left, failing when the total would pass the bound; a read that fails part
     * way is a {@link PartialInputException} with everything read so far, the prefix included.
     */
    byte[] readRest(byte[] prefix, long maxBytes) throws IOException {
        byte[] out = Arrays.copyOf(prefix, Math.max(prefix.length * 2, 64 * 1024));
        int len = prefix.length;
        while (true) {
            try {
                if (pos >= limit && !fill()) {
                    break;
                }
            } catch (BoundedInputStream.LimitExceededException e) {
                throw e;
            } catch (IOException e) {
                throw new PartialInputException(e, Arrays.copyOf(out, len));
            }
            int n = limit - pos;
            if ((long) len + n > maxBytes) {
                throw new BoundedInputStream.LimitExceededException(
                        "document exceeds the limit of " + maxBytes + " bytes");
            }
            if (len + n > out.length) {
                out =
                        Arrays.copyOf(
                                out,
                                (int)
                                        Math.min(
                                                Integer.MAX_VALUE - 8,
                                                Math.max((long) out.length * 2, len + n)));
            }
            System.arraycopy(buf, pos, out, len, n);
            len += n;
            pos = limit;
        }
        return Arrays.copyOf(out, len);
    }

    private boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        pos = 0;
        limit = 0;
        while (limit == 0) {
            int r = in.read(buf, 0, buf.length);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit = r;
        }
        return true;
    }
}
