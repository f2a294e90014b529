package io.trailwatch.detect.sigma;

import io.trailwatch.detect.rules.Finding;
import io.trailwatch.detect.rules.FlowRule;
import io.trailwatch.model.FlowRecord;
import java.util.List;

/** A Sigma rule over VPC flow records. */
public final class SigmaFlowRule extends CompiledSigmaRule implements FlowRule {
    SigmaFlowRule(SigmaDetection rule) {
        super(rule);
    }

    @Override
    public void evaluate(FlowRecord record, List<Finding> findings) {
        SigmaRecord r = SigmaRecord.of(record);
        if (rule.matches(r)) {
            findings.add(rule.finding(r, resource(record)));
        }
    }

    /** What a flow is about: its instance, else its interface, else its destination. */
    static String resource(FlowRecord r) {
        if (r.instanceId != null && !r.instanceId.equals("-")) {
            return r.instanceId;
        }
        if (r.interfaceId != null) {
            return r.interfaceId;
        }
        return r.dstAddr;
    }
}
