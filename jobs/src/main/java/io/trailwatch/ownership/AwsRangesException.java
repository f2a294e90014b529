package io.trailwatch.ownership;

/** AWS's ranges file is unusable; the message names the file and what in it is wrong. */
public class AwsRangesException extends Exception {
    public AwsRangesException(String message) {
        super(message);
    }

    public AwsRangesException(String message, Throwable cause) {
        super(message, cause);
    }
}
