package io.trailwatch.pipeline;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.rules.RuleContext;
import io.trailwatch.detect.rules.RuleEngine;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.detect.signals.AddressScope;
import io.trailwatch.detect.signals.CloudTrailSignals;
import io.trailwatch.detect.signals.FlowSignals;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.signals.SignalSink;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.DecodedListener;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.ingest.SkipKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnerResolver;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything done to a raw record before keyed state, in one pass: decode it, find each event's
 * owner, extract the windowed rules' signals, note TW-OWN-01's unowned activity and run the
 * stateless rule catalog. Plain Java; {@link AnalyzeRecords} runs it in the job.
 *
 * <p>It is one step because a decoded event is large (a CloudTrail event carries its request and
 * response) and every hand-over between Flink operators that cannot be chained serializes it. What
 * leaves this step (alerts, signals, unowned activity) is small and rare by comparison.
 */
public final class RecordAnalysis implements DecodedListener {

    /** Where the results of one raw record go. */
    public interface Output {
        /** A CloudTrail event was decoded (for counting and event time). */
        void cloudTrail(CloudTrailEvent event);

        /** A flow record was decoded (for counting and event time). */
        void flow(FlowRecord record);

        void skipped(SkipKind kind);

        void deadLetter(DeadLetter deadLetter);

        /** A stateless rule's alert, at the event time of the event that raised it. */
        void alert(Alert alert, long eventTime);

        /** A windowed rule's input, at {@link Signal#time}. */
        void signal(SignalKind kind, Signal signal);

        /** An event or flow of an account the ownership table does not know (TW-OWN-01). */
        void unownedActivity(AccountActivity activity);
    }

    private final RecordDecoder decoder;
    private final CloudTrailSignals cloudTrailSignals;
    private final FlowSignals flowSignals;
    private final RuleEngine rules;
    private final boolean unownedRule;

    private OwnerResolver owners;
    private Output out;
    private OwnerResolver scopeOf;
    private AddressScope scope;

    // The callbacks handed to the extractors and rules, made once per table and output rather than
    // per event.
    private Function<CloudTrailEvent, String[]> trustedCidrs;
    private RuleContext knownAccounts;
    private SignalSink signals;

    /**
     * @param headerlessFlowFormat the fields of flow lines that come without a header
     * @param disabledRules stateless rules not to run
     * @param signalKinds the signals the enabled windowed rules need
     * @param unownedRule whether TW-OWN-01 is enabled
     */
    public RecordAnalysis(
            DecodeLimits limits,
            FlowLogFormat headerlessFlowFormat,
            Set<String> disabledRules,
            Set<SignalKind> signalKinds,
            boolean unownedRule) {
        this.decoder = new RecordDecoder(limits, headerlessFlowFormat);
        this.cloudTrailSignals = new CloudTrailSignals(signalKinds);
        this.flowSignals = new FlowSignals(signalKinds);
        this.rules =
                new RuleEngine(RuleRegistry.builtIn().rules(StatelessRule.class), disabledRules);
        this.unownedRule = unownedRule;
    }

    /** Analyses one raw record with the ownership table in force. */
    public void analyze(RawRecord raw, OwnerResolver owners, Output out) {
        if (owners != this.owners) {
            this.owners = owners;
            trustedCidrs = owners::trustedCidrsFor;
            knownAccounts = owners::knowsAccount;
        }
        if (out != this.out) {
            this.out = out;
            signals = out::signal;
        }
        decoder.decode(raw, this);
    }

    @Override
    public void cloudTrail(CloudTrailEvent event) {
        event.owner = owners.resolve(event);
        out.cloudTrail(event);
        cloudTrailSignals.extract(event, trustedCidrs, signals);
        for (Alert alert : rules.evaluate(event, knownAccounts, System.currentTimeMillis())) {
            out.alert(alert, event.eventTime);
        }
        if (unownedRule && event.owner.isUnowned() && event.account() != null) {
            out.unownedActivity(AccountActivity.of(event));
        }
    }

    @Override
    public void flow(FlowRecord record) {
        record.owner = owners.resolve(record);
        out.flow(record);
        if (owners != scopeOf) {
            // "Public" excludes every trusted range of the table in force.
            scope = new AddressScope(owners.allTrustedCidrs());
            scopeOf = owners;
        }
        flowSignals.extract(record, scope, signals);
        if (unownedRule && record.owner.isUnowned() && record.accountId != null) {
            out.unownedActivity(AccountActivity.of(record));
        }
    }

    @Override
    public void skipped(SkipKind kind, String origin) {
        out.skipped(kind);
    }

    @Override
    public void deadLetter(String reason, String detail, String origin, String excerpt) {
        out.deadLetter(new DeadLetter(reason, detail, origin, excerpt, System.currentTimeMillis()));
    }
}
