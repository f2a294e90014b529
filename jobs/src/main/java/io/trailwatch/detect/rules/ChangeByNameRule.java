package io.trailwatch.detect.rules;

import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule for changes that are risky by what they are, whatever their parameters: a successful call
 * of one of the listed APIs of one service, each with its severity. Each such rule is a subclass
 * that declares its catalog entry and lists its APIs.
 */
public abstract class ChangeByNameRule implements StatelessRule {
    private final RuleInfo info;

    /** Keyed by event source and name, as {@code source + " " + name}. */
    private final Map<String, Severity> severities;

    private final Set<String> eventNames;
    private final String resourceField;
    private final List<String> requestEvidence;
    private final List<String> inputs;

    protected ChangeByNameRule(Builder b) {
        this.info = b.info;
        this.severities = Map.copyOf(b.severities);
        this.eventNames = Set.copyOf(b.eventNames);
        this.resourceField = b.resourceField;
        this.requestEvidence = List.copyOf(b.requestEvidence);
        this.inputs = List.copyOf(b.severities.keySet());
    }

    /**
     * Starts a rule whose alerts name the resource acted on as evidence field {@code
     * resourceField}.
     */
    protected static Builder of(RuleInfo info, String resourceField) {
        return new Builder(info, resourceField);
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public Set<String> eventNames() {
        return eventNames;
    }

    /** Each API as {@code eventSource eventName}. */
    @Override
    public List<String> inputs() {
        return inputs;
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        Severity severity = severities.get(e.source() + " " + e.name());
        if (severity == null) {
            return;
        }
        String resource = ResourceNames.of(e);
        Finding f =
                new Finding(severity, resource, e.name())
                        .with(resourceField, resource)
                        .with("change", e.name());
        for (String key : requestEvidence) {
            f.with(key, e.requestText(key));
        }
        findings.add(f);
    }

    /** Collects the APIs and their severities. */
    protected static final class Builder {
        private final RuleInfo info;
        private final String resourceField;
        private final Map<String, Severity> severities = new LinkedHashMap<>();
        private final Set<String> eventNames = new LinkedHashSet<>();
        private final List<String> requestEvidence = new ArrayList<>();
        private String source;

        private Builder(RuleInfo info, String resourceField) {
            this.info = info;
            this.resourceField = resourceField;
        }

        /** The event source (e.g. {@code config.amazonaws.com}) of the APIs that follow. */
        public Builder source(String eventSource) {
            this.source = eventSource;
            return this;
        }

        public Builder on(Severity severity, String... names) {
            for (String name : names) {
                severities.put(source + " " + name, severity);
                eventNames.add(name);
            }
            return this;
        }

        /** Request parameters copied into the evidence when present. */
        public Builder evidence(String... requestKeys) {
            requestEvidence.addAll(List.of(requestKeys));
            return this;
        }
    }
}
