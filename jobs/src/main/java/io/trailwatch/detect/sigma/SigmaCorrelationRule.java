package io.trailwatch.detect.sigma;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.WindowedRule;
import java.util.List;

/**
 * A correlation of a rule file as an entry of the registry: a windowed rule whose detector counts
 * the matches of the rules it names per group, over event time, on the same machinery (lateness,
 * ordering, bounded state, dedup, routing) as the built-in windowed rules. Its settings (window =
 * the timespan, lateness, report delay) can be tuned like theirs.
 */
public final class SigmaCorrelationRule implements WindowedRule {
    private final RuleInfo info;
    private final Correlation correlation;
    private final String file;
    private final String name;
    private final int depth;
    private final List<CorrelationInput> feeders;

    /**
     * @param feeders the rules whose matches it counts (none for a correlation of correlations, fed
     *     by the alerts of the correlations it names)
     */
    SigmaCorrelationRule(
            RuleInfo info,
            Correlation correlation,
            String file,
            String name,
            int depth,
            List<CorrelationInput> feeders) {
        this.info = info;
        this.correlation = correlation;
        this.file = file;
        this.name = name;
        this.depth = depth;
        this.feeders = List.copyOf(feeders);
    }

    /**
     * 1 for a correlation of rules, 2 for a correlation of correlations: each depth has a detector,
     * fed by the one before.
     */
    public int depth() {
        return depth;
    }

    /** The correlation's {@code name}, or {@code null}. */
    String name() {
        return name;
    }

    /** The same correlation, with what its reports feed. */
    SigmaCorrelationRule with(Correlation updated) {
        return new SigmaCorrelationRule(info, updated, file, name, depth, feeders);
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    /** The file and line the correlation was read from. */
    public String file() {
        return file;
    }

    /** The prefix of the keys of its signals: its detector reads only those. */
    public String keyPrefix() {
        return correlation.id() + CorrelationKeys.SEPARATOR;
    }

    @Override
    public List<String> inputs() {
        return List.of(
                correlation.type().id() + " of " + String.join(", ", correlation.ruleNames()));
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new CorrelationCounting(info, correlation, settings));
    }

    /** The rules whose matches it counts, each with how it gives the group and value. */
    List<CorrelationInput> feeders() {
        return feeders;
    }

    Correlation correlation() {
        return correlation;
    }
}
