package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Detectors take their correlation's signals by key prefix, with group-by or without. */
class CorrelationKeyTest {
    private static final String RULES =
            """
            title: Trail stopped
            id: 9e3d1f0b-5c2a-4b7d-8e40-0f1a2b3c4d01
            name: trail-stopped
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection: {eventName: StopLogging}
              condition: selection
            ---
            title: Trails stopped twice anywhere
            id: 9e3d1f0b-5c2a-4b7d-8e40-0f1a2b3c4d02
            correlation: {type: event_count, rules: [trail-stopped], timespan: 1h, condition: {gte: 2}}
            ---
            title: Trails stopped twice by one user
            id: 9e3d1f0b-5c2a-4b7d-8e40-0f1a2b3c4d03
            correlation:
              type: event_count
              rules: [trail-stopped]
              group-by: [userIdentity.userName, awsRegion]
              timespan: 1h
              condition: {gte: 2}
            """;

    @Test
    void everySignalKeyStartsWithItsCorrelationsPrefix() {
        SigmaRuleSet set =
                SigmaRuleSet.compile(List.of(new RuleFile("t.yml", RULES)), RuleRegistry.builtIn());
        assertThat(set.problems()).isEmpty();
        List<Signal> signals = new ArrayList<>();
        set.correlations()
                .inputs(Set.of())
                .extract(
                        CloudTrailRecord.call("cloudtrail.amazonaws.com", "StopLogging").decode(),
                        (kind, s) -> signals.add(s));

        List<SigmaCorrelationRule> rules = set.correlations().rules();
        assertThat(signals).hasSize(2);
        assertThat(signals.get(0).key).isEqualTo(rules.get(0).keyPrefix());
        assertThat(signals.get(1).key)
                .isEqualTo(rules.get(1).keyPrefix() + "dev-jlee" + '\u001f' + "eu-west-1");
    }
}
