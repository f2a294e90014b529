package io.trailwatch.ingest;

/** Input that cannot be decoded; {@link #reason()} is the stable dead-letter category. */
public class DecodeException extends Exception {
    private final String reason;

    public DecodeException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DecodeException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
