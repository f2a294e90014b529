package io.trailwatch.cli;

/** Bad usage or unreadable input: reported as one line, exit status 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
