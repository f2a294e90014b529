package io.trailwatch.ingest;

import java.io.IOException;

/**
 * A read that failed part way (gzip data that ends early, a disk error), with what was read before
 * the failure: complete records in it are still decoded.
 */
final class PartialInputException extends IOException {
    private static final long serialVersionUID = 1L;

    final transient byte[] partial;

    PartialInputException(IOException cause, byte[] partial) {
        super(cause.getMessage(), cause);
        this.partial = partial;
    }
}
