package io.trailwatch.detect.patterns;

import io.trailwatch.detect.signals.AddressScope;
import io.trailwatch.detect.signals.FlowSignals;
import io.trailwatch.detect.signals.SignalKind;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import io.trailwatch.ownership.join.FlowOwnershipJoin;
import java.util.EnumSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/**
 * The ownership join for flow records that also extracts the network rules' signals, each kind to
 * its side output ({@link SignalTags}), in the same operator for the reason given in {@link
 * CloudTrailOwnershipAndSignals}. "Public" excludes every trusted range of the table in force; the
 * scope is rebuilt when a new table arrives.
 */
public class FlowOwnershipAndSignals extends FlowOwnershipJoin {
    private final EnumSet<SignalKind> enabled;
    private transient FlowSignals signals;
    private transient OwnerResolver scopeOf;
    private transient AddressScope scope;

    public FlowOwnershipAndSignals(OwnershipTable initialTable, Set<SignalKind> enabled) {
        super(initialTable);
        this.enabled =
                enabled.isEmpty() ? EnumSet.noneOf(SignalKind.class) : EnumSet.copyOf(enabled);
    }

    @Override
    public void open(OpenContext openContext) {
        signals = new FlowSignals(enabled);
    }

    @Override
    protected void process(
            FlowRecord flow, OwnerResolver owners, ReadOnlyContext ctx, Collector<FlowRecord> out) {
        process(flow, owners, out);
        if (owners != scopeOf) {
            scope = new AddressScope(owners.allTrustedCidrs());
            scopeOf = owners;
        }
        signals.extract(flow, scope, (kind, s) -> ctx.output(SignalTags.of(kind), s));
    }
}
