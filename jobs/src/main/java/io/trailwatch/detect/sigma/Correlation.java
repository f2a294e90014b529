package io.trailwatch.detect.sigma;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * A correlation rule as its detector needs it (serializable: it travels in the job graph): type,
 * the names of the rules it reads (in their order, for {@code temporal_ordered}), its group-by
 * fields, timespan and count condition.
 */
record Correlation(
        String id,
        CorrelationType type,
        List<String> ruleNames,
        List<String> groupBy,
        String valueField,
        Duration timespan,
        CountCondition condition)
        implements Serializable {}
