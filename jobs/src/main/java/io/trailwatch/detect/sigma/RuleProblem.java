package io.trailwatch.detect.sigma;

/**
 * A rule file, or one rule of it, left out: the file, the line (0: the whole file), the rule's
 * title when known, and why.
 */
public record RuleProblem(String file, int line, String title, String reason) {
    @Override
    public String toString() {
        return file
                + (line > 0 ? ":" + line : "")
                + ": "
                + (title == null ? "" : title + ": ")
                + reason;
    }
}
