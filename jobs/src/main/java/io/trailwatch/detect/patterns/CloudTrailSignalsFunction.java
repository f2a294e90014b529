package io.trailwatch.detect.patterns;

import io.trailwatch.detect.signals.CloudTrailSignals;
import io.trailwatch.detect.signals.SignalKind;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import io.trailwatch.ownership.join.OwnershipTableFunction;
import java.util.EnumSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/**
 * Extracts the windowed rules' signals from owned CloudTrail events, each kind to its side output
 * ({@link SignalTags}); needs the ownership table for the callers' trusted ranges. Stateless.
 */
public class CloudTrailSignalsFunction extends OwnershipTableFunction<CloudTrailEvent, Void> {
    private final EnumSet<SignalKind> enabled;
    private transient CloudTrailSignals signals;

    public CloudTrailSignalsFunction(OwnershipTable initialTable, Set<SignalKind> enabled) {
        super(initialTable);
        this.enabled =
                enabled.isEmpty() ? EnumSet.noneOf(SignalKind.class) : EnumSet.copyOf(enabled);
    }

    @Override
    public void open(OpenContext openContext) {
        signals = new CloudTrailSignals(enabled);
    }

    @Override
    protected void process(
            CloudTrailEvent event, OwnerResolver owners, ReadOnlyContext ctx, Collector<Void> out) {
        signals.extract(
                event, owners::trustedCidrsFor, (kind, s) -> ctx.output(SignalTags.of(kind), s));
    }

    @Override
    protected void process(CloudTrailEvent event, OwnerResolver owners, Collector<Void> out) {
        throw new UnsupportedOperationException("signals go to side outputs only");
    }
}
