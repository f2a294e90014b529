package io.trailwatch.ownership.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where the ownership table (or AWS's ranges) is published: an S3 object, an HTTPS URL or a local
 * file.
 */
public interface TableLocation extends Closeable {
    /**
     * The table's bytes, or {@code null} when the location still holds the version tagged {@code
     * knownTag} (so an unchanged table is not downloaded again).
     */
    Fetched fetch(String knownTag) throws IOException;

    /** For messages: {@code s3://bucket/key} or the path. */
    String describe();

    @Override
    default void close() {}

    /** Content and a tag that changes when the content does (S3 ETag, file size and time). */
    final class Fetched {
        public final byte[] content;
        public final String tag;

        public Fetched(byte[] content, String tag) {
            this.content = content;
            this.tag = tag;
        }
    }
}
