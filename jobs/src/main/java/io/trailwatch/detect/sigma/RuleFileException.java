package io.trailwatch.detect.sigma;

/** A rule file, or one rule in it, that cannot be used: where, and why. */
public final class RuleFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String reason;

    public RuleFileException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    /** 1-based line in the file, or 0 when the whole file is meant. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
