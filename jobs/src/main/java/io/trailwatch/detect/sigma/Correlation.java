package io.trailwatch.detect.sigma;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A correlation rule as its detector needs it (serializable: it travels in the job graph): type,
 * the names of the rules (or correlations) it reads (in their order, for {@code temporal_ordered}),
 * its group-by fields, timespan and count condition; whether it alerts ({@code silent}: only
 * correlations read it), and the correlations its reports feed.
 */
record Correlation(
        String id,
        CorrelationType type,
        List<String> ruleNames,
        List<String> groupBy,
        String valueField,
        Duration timespan,
        CountCondition condition,
        boolean silent,
        List<Feed> feeds)
        implements Serializable {

    /**
     * Whether the correlation is judged once its count is final: a condition bounded from above,
     * and an average (which the next match can still move either way). Such a correlation counts in
     * fixed timespans and judges each when it closes.
     */
    boolean decidedAtClose() {
        return condition.decidedAtClose() || type == CorrelationType.VALUE_AVG;
    }

    /** The same correlation, read by other correlations. */
    Correlation feeding(List<Feed> more, boolean alone) {
        List<Feed> all = new java.util.ArrayList<>(feeds);
        all.addAll(more);
        return new Correlation(
                id,
                type,
                ruleNames,
                groupBy,
                valueField,
                timespan,
                condition,
                !alone,
                List.copyOf(all));
    }

    /**
     * How this correlation's report becomes a match of a correlation that reads it.
     *
     * @param ruleIndex its place in the reader's list
     * @param groupIndex for each of the reader's group-by fields, the position of this
     *     correlation's group-by value that gives it
     * @param valueIndex for a reader's value_count, the position of the value it counts, or -1
     * @param bucketMillis the reader's timespan when it counts in fixed timespans, else 0
     */
    record Feed(
            String readerId,
            CorrelationType readerType,
            int ruleIndex,
            int[] groupIndex,
            int valueIndex,
            long bucketMillis)
            implements Serializable {}
}
