package io.trailwatch.detect.sigma;

/**
 * A rule uses something Trailwatch does not evaluate (a modifier, a field it does not keep, a
 * construct of the specification it does not implement): the rule is left out, with this reason.
 */
public final class UnsupportedConstructException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsupportedConstructException(String message) {
        super(message);
    }
}
