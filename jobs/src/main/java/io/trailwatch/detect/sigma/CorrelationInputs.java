package io.trailwatch.detect.sigma;

import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.rules.EventView;
import io.trailwatch.detect.rules.LowerCaseNames;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.signals.SignalSink;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that feed correlations, run over each record in the analysis step: a rule that matches
 * gives each of its correlations a {@link SignalKind#RULE_FILE_MATCH} signal keyed by the
 * correlation's id and the record's group-by values. CloudTrail rules are indexed by the event
 * names they pin, like the rule engine's.
 */
public final class CorrelationInputs {
    private static final char SEPARATOR = CorrelationKeys.SEPARATOR;

    private final Map<String, List<CorrelationInput>> byName = new HashMap<>();
    private final Map<String, List<CorrelationInput>> bySource = new HashMap<>();
    private final List<CorrelationInput> everyEvent = new ArrayList<>();
    private final List<CorrelationInput> flows = new ArrayList<>();
    private final LowerCaseNames lowerCase = new LowerCaseNames();
    private final TreeSet<String> counted = new TreeSet<>();

    CorrelationInputs(List<CorrelationInput> inputs) {
        for (CorrelationInput in : inputs) {
            if (in.rule().source() == LogSource.VPC_FLOW) {
                flows.add(in);
            } else if (in.rule().detection().names() == null) {
                if (in.rule().detection().sources() == null) {
                    everyEvent.add(in);
                } else {
                    for (String source : in.rule().detection().sources()) {
                        bySource.computeIfAbsent(source, k -> new ArrayList<>()).add(in);
                    }
                }
            } else {
                for (String n : in.rule().detection().names()) {
                    byName.computeIfAbsent(n, k -> new ArrayList<>()).add(in);
                }
            }
        }
    }

    /**
     * A fresh extractor (it keeps a cache: one per operator) of the signals of the correlations
     * among {@code rules} that are not disabled: those of the registry, shipped or from rule files,
     * each fed by the rules of its own file.
     */
    public static CorrelationInputs of(
            Collection<? extends DetectionRule> rules, Set<String> disabled) {
        List<CorrelationInput> inputs = new ArrayList<>();
        for (DetectionRule r : rules) {
            if (r instanceof SigmaCorrelationRule c && !disabled.contains(c.info().id())) {
                inputs.addAll(c.feeders());
            }
        }
        return new CorrelationInputs(inputs);
    }

    public boolean isEmpty() {
        return byName.isEmpty() && bySource.isEmpty() && everyEvent.isEmpty() && flows.isEmpty();
    }

    public boolean readsFlows() {
        return !flows.isEmpty();
    }

    public void extract(CloudTrailEvent event, SignalSink sink) {
        extract(new EventView(event), sink);
    }

    /** The signals of one event, read through the view the analysis shares among its readers. */
    public void extract(EventView view, SignalSink sink) {
        if (byName.isEmpty() && bySource.isEmpty() && everyEvent.isEmpty()) {
            return;
        }
        CloudTrailEvent event = view.event();
        List<CorrelationInput> named =
                event.eventName == null || byName.isEmpty()
                        ? List.of()
                        : byName.getOrDefault(lowerCase.of(event.eventName), List.of());
        List<CorrelationInput> sourced =
                event.eventSource == null || bySource.isEmpty()
                        ? List.of()
                        : bySource.getOrDefault(lowerCase.of(event.eventSource), List.of());
        if (named.isEmpty() && sourced.isEmpty() && everyEvent.isEmpty()) {
            return;
        }
        SigmaRecord record = SigmaRecord.of(view);
        emit(named, record, sink);
        emit(sourced, record, sink);
        emit(everyEvent, record, sink);
    }

    public void extract(FlowRecord flow, SignalSink sink) {
        if (!flows.isEmpty()) {
            emit(flows, SigmaRecord.of(flow), sink);
        }
    }

    private void emit(List<CorrelationInput> inputs, SigmaRecord record, SignalSink sink) {
        for (int i = 0, n = inputs.size(); i < n; i++) {
            CorrelationInput in = inputs.get(i);
            if (in.rule().matches(record)) {
                counted.clear();
                Signal s = signal(in, record, counted);
                // a match whose field holds no number adds nothing to a sum or an average
                if (s == null) {
                    continue;
                }
                if (counted.size() < 2) {
                    sink.emit(SignalKind.RULE_FILE_MATCH, s);
                } else {
                    for (String v : counted) {
                        sink.emit(SignalKind.RULE_FILE_MATCH, s.copy().value(v));
                    }
                }
            }
        }
    }

    /**
     * The match's signal, or {@code null} when a sum or average has no number to add.
     *
     * @param counted gets the distinct values of a value_count field that has several in this
     *     record (the instances one StopInstances call names): each counts, one signal apiece
     */
    static Signal signal(CorrelationInput in, SigmaRecord record, Set<String> counted) {
        // the separator follows the id even without group-by: detectors select their signals
        // by the prefix id + separator
        StringBuilder key = new StringBuilder(in.correlation().id()).append(SEPARATOR);
        StringBuilder detail = new StringBuilder();
        List<Object> values = new ArrayList<>(1);
        for (int g = 0; g < in.groupBy().length; g++) {
            values.clear();
            in.groupBy()[g].values(record, values);
            String v = EvidenceFields.text(values);
            key.append(g == 0 ? "" : String.valueOf(SEPARATOR)).append(v == null ? "" : v);
            detail.append(g == 0 ? "" : String.valueOf(SEPARATOR)).append(v == null ? "" : v);
        }
        if (in.correlation().decidedAtClose()) {
            // counted in fixed timespans, each decided when it closes: the timespan is part of the
            // key
            long time =
                    record.cloudTrail() != null
                            ? record.cloudTrail().eventTime
                            : record.flow().eventTime;
            key.append(SEPARATOR)
                    .append(Math.floorDiv(time, in.correlation().timespan().toMillis()));
        }
        String value = null;
        long amount = 0;
        if (in.value() != null && in.correlation().type().addsUp()) {
            values.clear();
            in.value().values(record, values);
            Double number =
                    values.isEmpty() || values.get(0) == null ? null : Values.number(values.get(0));
            if (number == null) {
                return null;
            }
            amount = Math.round(number);
        } else if (in.value() != null) {
            values.clear();
            in.value().values(record, values);
            value = EvidenceFields.text(values);
            if (values.size() > 1 && in.correlation().type() == CorrelationType.VALUE_COUNT) {
                for (Object v : values) {
                    if (v != null) {
                        counted.add(Values.text(v));
                    }
                }
            }
        } else if (in.correlation().type() != CorrelationType.EVENT_COUNT) {
            value = Integer.toString(in.ruleIndex());
        }
        CloudTrailEvent e = record.cloudTrail();
        Signal s;
        if (e != null) {
            s =
                    new Signal(key.toString(), e.eventTime, e.eventId)
                            .context(
                                    e.account(),
                                    e.awsRegion,
                                    e.principal(),
                                    record.view().resource(),
                                    e.owner);
        } else {
            FlowRecord f = record.flow();
            s =
                    new Signal(key.toString(), f.eventTime, f.tuple())
                            .context(
                                    f.accountId,
                                    f.region,
                                    f.srcAddr,
                                    SigmaFlowRule.resource(f),
                                    f.owner);
        }
        return s.value(value)
                .amount(amount)
                .attribute(Integer.toString(in.ruleIndex()))
                .detail(detail.toString());
    }
}
