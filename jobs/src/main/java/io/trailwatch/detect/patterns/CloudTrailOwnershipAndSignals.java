package io.trailwatch.detect.patterns;

import io.trailwatch.detect.signals.CloudTrailSignals;
import io.trailwatch.detect.signals.SignalKind;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import io.trailwatch.ownership.join.CloudTrailOwnershipJoin;
import java.util.EnumSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/**
 * The ownership join for CloudTrail events that also extracts the windowed rules' signals, each
 * kind to its side output ({@link SignalTags}). Extraction needs the ownership table (the callers'
 * trusted ranges) and happens here, where the table is at hand, because a separate operator
 * connected to the table could not be chained and would serialize every event once more.
 */
public class CloudTrailOwnershipAndSignals extends CloudTrailOwnershipJoin {
    private final EnumSet<SignalKind> enabled;
    private transient CloudTrailSignals signals;

    public CloudTrailOwnershipAndSignals(OwnershipTable initialTable, Set<SignalKind> enabled) {
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
            CloudTrailEvent event,
            OwnerResolver owners,
            ReadOnlyContext ctx,
            Collector<CloudTrailEvent> out) {
        process(event, owners, out);
        signals.extract(
                event, owners::trustedCidrsFor, (kind, s) -> ctx.output(SignalTags.of(kind), s));
    }
}
