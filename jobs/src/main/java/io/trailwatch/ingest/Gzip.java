package io.trailwatch.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Gzip recognised by its magic bytes (content decides, not the file name), expanded within a bound.
 */
public final class Gzip {
    private Gzip() {}

    public static boolean isGzip(byte[] data) {
        return data != null
                && data.length >= 2
                && (data[0] & 0xff) == 0x1f
                && (data[1] & 0xff) == 0x8b;
    }

    /**
     * Expands a (possibly multi-member) gzip payload; too large or broken input is a {@link
     * DecodeException}.
     */
    public static byte[] decompress(byte[] data, long maxBytes) throws DecodeException {
        try (InputStream in =
                new BoundedInputStream(
                        new GZIPInputStream(new ByteArrayInputStream(data), 8192),
                        maxBytes,
                        "decompressed gzip input")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length * 4));
            in.transferTo(out);
            return out.toByteArray();
        } catch (BoundedInputStream.LimitExceededException e) {
            throw new DecodeException("gzip-too-large", e.getMessage(), e);
        } catch (EOFException e) {
            throw new DecodeException(
                    "gzip-truncated", "gzip data ends early: " + e.getMessage(), e);
        } catch (ZipException e) {
            throw new DecodeException("gzip-corrupt", "gzip data is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DecodeException(
                    "gzip-corrupt", "gzip data cannot be read: " + e.getMessage(), e);
        }
    }
}
