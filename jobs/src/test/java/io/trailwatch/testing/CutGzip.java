package io.trailwatch.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * What gzip data cut short holds before the cut, read with the JDK's own gzip reader rather than
 * the decoder under test: the records a test may expect from it.
 */
public final class CutGzip {
    private CutGzip() {}

    public static byte[] readableBytes(byte[] gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
        } catch (EOFException e) {
            // where the data ends
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String readable(byte[] gzip) {
        return new String(readableBytes(gzip), StandardCharsets.UTF_8);
    }

    /** Complete lines (ending in a newline) before the cut. */
    public static int completeLines(byte[] gzip) {
        int lines = 0;
        for (byte b : readableBytes(gzip)) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
