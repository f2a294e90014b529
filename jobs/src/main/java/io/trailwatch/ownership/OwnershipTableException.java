package io.trailwatch.ownership;

/** A malformed ownership table; the message names the file, the line and the column. */
public class OwnershipTableException extends Exception {
    public OwnershipTableException(String message) {
        super(message);
    }

    public OwnershipTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
