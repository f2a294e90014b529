package io.trailwatch.detect.rules;

import io.trailwatch.detect.DetectionRule;
import io.trailwatch.model.FlowRecord;
import java.util.List;

/** A rule that judges one VPC flow record (with its owner) on its own. */
public interface FlowRule extends DetectionRule {
    @Override
    default List<String> inputs() {
        return List.of("every flow record");
    }

    /** Adds a finding when the record is what the rule looks for. */
    void evaluate(FlowRecord record, List<Finding> findings);
}
