package io.trailwatch.ingest.paths;

/** A {@code .flow-format} file that cannot be used: the message names the file, line and why. */
public class FlowFormatFileException extends Exception {
    public FlowFormatFileException(String message) {
        super(message);
    }
}
