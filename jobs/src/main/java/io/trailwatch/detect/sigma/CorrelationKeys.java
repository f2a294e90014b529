package io.trailwatch.detect.sigma;

/**
 * The keys of the signals that feed correlations: the correlation's id, then each group-by value,
 * separated by the ASCII unit separator, which no id contains.
 */
public final class CorrelationKeys {
    static final char SEPARATOR = '\u001f';

    private CorrelationKeys() {}

    /** The id of the correlation a signal key belongs to. */
    public static String correlationId(String key) {
        int end = key.indexOf(SEPARATOR);
        return end < 0 ? key : key.substring(0, end);
    }
}
