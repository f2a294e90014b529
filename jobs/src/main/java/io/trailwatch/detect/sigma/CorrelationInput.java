package io.trailwatch.detect.sigma;

/**
 * One rule feeding one correlation: when the rule matches a record, the correlation gets a signal
 * keyed by its id and the record's group-by values.
 *
 * @param ruleIndex the rule's place in the correlation's list
 * @param groupBy how the rule's records give each group-by field (aliases resolved)
 * @param value the field {@code value_count} counts, or {@code null}
 */
record CorrelationInput(
        SigmaDetection rule,
        Correlation correlation,
        int ruleIndex,
        FieldAccess[] groupBy,
        FieldAccess value) {}
