package io.trailwatch.analysis;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.rules.EventView;
import io.trailwatch.detect.rules.FlowRule;
import io.trailwatch.detect.rules.FlowRuleEngine;
import io.trailwatch.detect.rules.RuleContext;
import io.trailwatch.detect.rules.RuleEngine;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.detect.sigma.CorrelationInputs;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.detect.signals.AddressScope;
import io.trailwatch.detect.signals.CallerAddresses;
import io.trailwatch.detect.signals.CloudTrailSignals;
import io.trailwatch.detect.signals.FlowSignals;
import io.trailwatch.detect.signals.SignalSink;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.ownership.AwsRange;
import io.trailwatch.ownership.AwsRangeIndex;
import io.trailwatch.ownership.OwnerResolver;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything done to a decoded record before keyed state, in one pass: find each event's owner,
 * extract the windowed rules' signals, note TW-OWN-01's unowned activity and run the stateless rule
 * catalog. Plain Java; the job runs it in its first operator, after decoding and event time.
 *
 * <p>It is one step because a decoded event is large (a CloudTrail event carries its request and
 * response) and every hand-over between Flink operators that cannot be chained serializes it. What
 * leaves this step (alerts, signals, unowned activity) is small and rare by comparison.
 */
public final class RecordAnalyzer {
    private final CloudTrailSignals cloudTrailSignals;
    private final FlowSignals flowSignals;
    private final RuleEngine rules;
    private final FlowRuleEngine flowRules;
    private final CorrelationInputs correlationInputs;
    private final boolean unownedRule;

    private OwnerResolver owners;
    private AwsRangeIndex awsRanges;
    private AnalysisOutput out;
    private OwnerResolver scopeOf;
    private AddressScope scope;

    // The callbacks handed to the extractors and rules, made once per table and output rather than
    // per event.
    private Function<CloudTrailEvent, String[]> trustedCidrs;
    private final CallerAddresses callerAddresses = new Addresses();
    private RuleContext knownAccounts;
    private SignalSink signals;

    /**
     * @param disabledRules stateless rules not to run
     * @param signalKinds the signals the enabled windowed rules need
     * @param unownedRule whether TW-OWN-01 is enabled
     */
    public RecordAnalyzer(
            Set<String> disabledRules, Set<SignalKind> signalKinds, boolean unownedRule) {
        this(SigmaRuleSet.none(RuleRegistry.builtIn()), disabledRules, signalKinds, unownedRule);
    }

    /**
     * @param ruleSet the built-in rules with the rule files' rules, filters and correlations
     */
    public RecordAnalyzer(
            SigmaRuleSet ruleSet,
            Set<String> disabledRules,
            Set<SignalKind> signalKinds,
            boolean unownedRule) {
        this.cloudTrailSignals = new CloudTrailSignals(signalKinds);
        this.flowSignals = new FlowSignals(signalKinds);
        this.rules = new RuleEngine(ruleSet.registry().rules(StatelessRule.class), disabledRules);
        this.flowRules =
                new FlowRuleEngine(ruleSet.registry().rules(FlowRule.class), disabledRules);
        this.correlationInputs =
                signalKinds.contains(SignalKind.RULE_FILE_MATCH)
                        ? CorrelationInputs.of(ruleSet.registry().rules(), disabledRules)
                        : null;
        this.unownedRule = unownedRule;
    }

    /**
     * AWS's published ranges from now on ({@code null}: none known, so that every public address
     * counts as outside AWS).
     */
    public void useAwsRanges(AwsRangeIndex ranges) {
        this.awsRanges = ranges;
    }

    /**
     * Analyses the events and flow records of one decoded record, in order, with the ownership
     * table in force; its skips and dead letters are not the analysis' business.
     */
    public void analyze(DecodedBatch decoded, OwnerResolver owners, AnalysisOutput out) {
        if (owners != this.owners) {
            this.owners = owners;
            trustedCidrs = owners::trustedCidrsFor;
            knownAccounts = new OwnershipRuleContext(owners);
        }
        if (out != this.out) {
            this.out = out;
            signals = out::signal;
        }
        for (int i = 0, n = decoded.size(); i < n; i++) {
            switch (decoded.kind(i)) {
                case CLOUDTRAIL:
                    CloudTrailEvent event = decoded.cloudTrail(i);
                    try {
                        cloudTrail(event);
                    } catch (RuntimeException e) {
                        failed(e, event.origin);
                    }
                    break;
                case FLOW:
                    FlowRecord record = decoded.flow(i);
                    try {
                        flow(record);
                    } catch (RuntimeException e) {
                        failed(e, record.where());
                    }
                    break;
                default:
            }
        }
    }

    private void cloudTrail(CloudTrailEvent event) {
        event.owner = owners.resolve(event);
        cloudTrailSignals.extract(event, trustedCidrs, callerAddresses, signals);
        // one view for every reader of the event: its JSON documents are parsed once
        EventView view = new EventView(event);
        if (correlationInputs != null) {
            correlationInputs.extract(view, signals);
        }
        for (Alert alert : rules.evaluate(view, knownAccounts, System.currentTimeMillis())) {
            out.alert(alert, event.eventTime);
        }
        if (unownedRule && event.owner.isUnowned() && event.account() != null) {
            out.unownedActivity(AccountActivity.of(event));
        }
    }

    private void flow(FlowRecord record) {
        record.owner = owners.resolve(record);
        if (owners != scopeOf) {
            // "Public" excludes every trusted range of the table in force.
            scope = new AddressScope(owners.allTrustedCidrs());
            scopeOf = owners;
        }
        flowSignals.extract(record, scope, signals);
        if (correlationInputs != null) {
            correlationInputs.extract(record, signals);
        }
        if (!flowRules.isEmpty()) {
            for (Alert alert : flowRules.evaluate(record, System.currentTimeMillis())) {
                out.alert(alert, record.eventTime);
            }
        }
        // "unknown" is what AWS writes for an interface an AWS service made: no account to own
        if (unownedRule
                && record.owner.isUnowned()
                && record.accountId != null
                && !record.accountId.equals("unknown")) {
            out.unownedActivity(AccountActivity.of(record));
        }
    }

    /** Addresses as the ranges and the table in force know them. */
    private final class Addresses implements CallerAddresses {
        @Override
        public AwsRange awsRange(String address) {
            return awsRanges == null ? null : awsRanges.find(address);
        }

        @Override
        public boolean inOwnedNetwork(String address) {
            return owners.ownsAddress(address);
        }
    }

    private void failed(RuntimeException e, String origin) {
        out.deadLetter(
                new DeadLetter(
                        "analysis-error",
                        e.getClass().getSimpleName() + ": " + e.getMessage(),
                        origin,
                        "",
                        System.currentTimeMillis()));
    }
}
