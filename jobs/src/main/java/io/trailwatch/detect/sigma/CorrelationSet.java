package io.trailwatch.detect.sigma;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The correlations of a rule set: each a registry entry ({@link SigmaCorrelationRule}), plus the
 * {@link CorrelationInputs} the analysis step runs to feed them, and which rules stay silent
 * because only correlations read them ({@code generate: false}, the default).
 */
public final class CorrelationSet {
    static final CorrelationSet NONE = new CorrelationSet(List.of(), Set.of());

    private static final Pattern TIMESPAN = Pattern.compile("([0-9]{1,6})([smhdw])");

    private final List<SigmaCorrelationRule> rules;
    private final Set<SigmaDetection> silent;

    private CorrelationSet(List<SigmaCorrelationRule> rules, Set<SigmaDetection> silent) {
        this.rules = List.copyOf(rules);
        this.silent = silent;
    }

    /** A correlation document and the file it is in. */
    record Doc(String file, YamlNode.Mapping doc) {}

    public List<SigmaCorrelationRule> rules() {
        return rules;
    }

    /**
     * A fresh extractor of the signals of the correlations not disabled (it keeps a cache: one per
     * operator).
     */
    public CorrelationInputs inputs(Set<String> disabled) {
        return CorrelationInputs.of(rules, disabled);
    }

    /** Whether the rule alerts on its own: it does unless only correlations read it. */
    boolean generates(SigmaDetection rule) {
        return !silent.contains(rule);
    }

    static CorrelationSet compile(
            List<Doc> docs,
            Map<String, SigmaDetection> byId,
            Map<String, SigmaDetection> byName,
            Map<String, String> idsTaken,
            RuleRegistry builtIns,
            List<RuleProblem> problems,
            List<RuleProblem> replacements) {
        if (docs.isEmpty()) {
            return NONE;
        }
        List<SigmaCorrelationRule> rules = new ArrayList<>();
        Map<SigmaDetection, Boolean> generated = new IdentityHashMap<>();
        Set<String> correlationRefs = new HashSet<>();
        List<Doc> deferred = new ArrayList<>();
        for (Doc d : docs) {
            YamlNode.Mapping doc = d.doc();
            try {
                correlationRefs.add(Documents.required(doc, "title", "the correlation"));
                String id = Documents.text(doc, "id");
                if (id != null) {
                    correlationRefs.add(id);
                }
                String name = Documents.text(doc, "name");
                if (name != null) {
                    correlationRefs.add(name);
                }
            } catch (RuleFileException e) {
                // reported when the correlation itself is compiled
            }
        }
        for (Doc d : docs) {
            YamlNode.Mapping doc = d.doc();
            try {
                RuleMetadata meta = RuleMetadata.read(doc, d.file(), false);
                TrailwatchExtension ext = TrailwatchExtension.readForCorrelation(doc);
                YamlNode.Mapping c = Documents.map(doc, "correlation");
                CorrelationType type = type(c);
                List<String> refs = Documents.texts(c, "rules");
                if (refs.isEmpty()) {
                    throw new RuleFileException(c.line(), "correlation.rules names no rule");
                }
                List<SigmaDetection> bases = new ArrayList<>();
                for (String ref : refs) {
                    SigmaDetection base = byId.get(ref);
                    if (base == null) {
                        base = byName.get(ref);
                    }
                    if (base == null && correlationRefs.contains(ref)) {
                        throw new Deferred();
                    }
                    if (base == null) {
                        String why =
                                builtIns.contains(ref)
                                        ? ", a built-in rule: correlations read rule files' rules"
                                        : ", which no loaded rule has as id or name";
                        throw new RuleFileException(
                                c.get("rules").line(), "correlation.rules names " + ref + why);
                    }
                    bases.add(base);
                }
                List<String> groupBy = Documents.texts(c, "group-by");
                Duration timespan = timespan(c);
                YamlNode.Mapping aliases = Documents.map(c, "aliases");
                Counting counting = counting(c, type, bases.size());
                String valueField = counting.valueField();
                CountCondition condition = counting.condition();
                boolean generate = generate(c);
                SigmaRuleSet.claimId(idsTaken, builtIns, meta, doc, replacements);
                List<String> names = new ArrayList<>();
                for (SigmaDetection b : bases) {
                    names.add(b.meta().name() != null ? b.meta().name() : b.meta().id());
                }
                Correlation correlation =
                        new Correlation(
                                meta.id(),
                                type,
                                List.copyOf(names),
                                List.copyOf(groupBy),
                                valueField,
                                timespan,
                                condition,
                                false,
                                List.of());
                List<CorrelationInput> mine = new ArrayList<>();
                for (int i = 0; i < bases.size(); i++) {
                    SigmaDetection b = bases.get(i);
                    FieldAccess[] group = new FieldAccess[groupBy.size()];
                    for (int k = 0; k < groupBy.size(); k++) {
                        group[k] = field(b, alias(aliases, groupBy.get(k), b), c);
                    }
                    FieldAccess value =
                            valueField == null ? null : field(b, alias(aliases, valueField, b), c);
                    mine.add(new CorrelationInput(b, correlation, i, group, value));
                }
                RuleInfo info =
                        info(
                                meta,
                                ext,
                                correlation,
                                bases.get(0).info().responsibility(),
                                "matches of",
                                names);
                rules.add(
                        new SigmaCorrelationRule(
                                info, correlation, meta.where(), meta.name(), 1, mine));
                for (SigmaDetection b : bases) {
                    generated.merge(b, generate, Boolean::logicalOr);
                }
            } catch (Deferred e) {
                deferred.add(d);
            } catch (RuleFileException e) {
                problems.add(problem(d, e));
            }
        }
        new Nesting(rules, idsTaken, builtIns, problems, replacements).compile(deferred);
        Set<SigmaDetection> silent = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        generated.forEach(
                (rule, gen) -> {
                    if (!gen) {
                        silent.add(rule);
                    }
                });
        return new CorrelationSet(rules, silent);
    }

    /** A correlation's catalog entry: its level, tags and description, as a stateful rule. */
    static RuleInfo info(
            RuleMetadata meta,
            TrailwatchExtension ext,
            Correlation correlation,
            Responsibility responsibility,
            String reads,
            List<String> names) {
        Severity level = meta.level() != null ? meta.level() : Severity.MEDIUM;
        return RuleInfo.rule(meta.id(), meta.title())
                .severity(
                        level,
                        ext.severityNote() != null
                                ? ext.severityNote()
                                : level.name() + " (the correlation's level)")
                .responsibility(
                        ext.responsibility() != null ? ext.responsibility() : responsibility)
                .controls(meta.controls().toArray(new String[0]))
                .evidence(evidence(correlation).toArray(new String[0]))
                .techniques(meta.techniques().toArray(new String[0]))
                .stateful(
                        RuleKind.CORRELATION,
                        new WindowedRuleSettings(correlation.timespan(), Duration.ZERO),
                        SignalKind.RULE_FILE_MATCH)
                .remediation(
                        ext.remediation(
                                meta,
                                "Investigate the " + reads + " " + String.join(", ", names) + "."));
    }

    /** A correlation document that cannot be used, with its title when that can be read. */
    static RuleProblem problem(Doc d, RuleFileException e) {
        String title = null;
        try {
            title = Documents.text(d.doc(), "title");
        } catch (RuleFileException ignored) {
            // the title itself is what is wrong
        }
        return new RuleProblem(d.file(), e.line(), title, e.reason());
    }

    /** What a correlation counts: the field of a value_count, and the condition. */
    record Counting(String valueField, CountCondition condition) {}

    static Counting counting(YamlNode.Mapping c, CorrelationType type, int rules)
            throws RuleFileException {
        String valueField = null;
        CountCondition condition;
        YamlNode.Mapping cond = Documents.map(c, "condition");
        if (type == CorrelationType.EVENT_COUNT || type.readsField()) {
            if (cond == null) {
                throw new RuleFileException(c.line(), type.id() + " needs a condition");
            }
            if (type.readsField()) {
                valueField = Documents.text(cond, "field");
                if (valueField == null) {
                    throw new RuleFileException(
                            cond.line(), type.id() + "'s condition names no field");
                }
            }
            condition = CountCondition.read(cond, type.readsField());
        } else if (cond != null) {
            condition = CountCondition.read(cond, false);
        } else {
            condition = CountCondition.atLeast(rules, ">= " + rules + " rules");
        }
        if (type == CorrelationType.TEMPORAL_ORDERED && cond != null) {
            throw new RuleFileException(
                    cond.line(), "temporal_ordered takes no condition: every rule, in order");
        }
        return new Counting(valueField, condition);
    }

    static boolean generate(YamlNode.Mapping c) throws RuleFileException {
        YamlNode g = c.get("generate");
        if (g == null) {
            return false;
        }
        if (!(g instanceof YamlNode.Scalar s) || !(s.value() instanceof Boolean b)) {
            throw new RuleFileException(g.line(), "generate must be true or false");
        }
        return b;
    }

    static CorrelationType type(YamlNode.Mapping c) throws RuleFileException {
        String typeText = Documents.required(c, "type", "the correlation");
        CorrelationType type = CorrelationType.of(typeText);
        if (type == null) {
            throw new RuleFileException(
                    c.get("type").line(),
                    "correlation type '"
                            + typeText
                            + "' is not supported (event_count, value_count, value_sum,"
                            + " value_avg, temporal, temporal_ordered; value_percentile is not)");
        }
        return type;
    }

    /** A correlation that names correlations: compiled once every correlation of rules is. */
    private static final class Deferred extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Deferred() {
            super(null, null, false, false);
        }
    }

    private static List<String> evidence(Correlation c) {
        List<String> out = new ArrayList<>(c.groupBy());
        out.add("correlation");
        out.add("rules");
        if (c.type().addsUp()) {
            out.add(c.type() == CorrelationType.VALUE_SUM ? "sum" : "average");
            out.add("matches");
        } else if (c.type() == CorrelationType.VALUE_COUNT) {
            out.add("distinct " + c.valueField());
            out.add(c.valueField());
        } else if (c.type() == CorrelationType.EVENT_COUNT) {
            out.add("matches");
        }
        return out;
    }

    private static String alias(YamlNode.Mapping aliases, String field, SigmaDetection rule)
            throws RuleFileException {
        if (aliases == null) {
            return field;
        }
        YamlNode.Mapping a = Documents.map(aliases, field);
        if (a == null) {
            return field;
        }
        String byName = rule.meta().name() == null ? null : Documents.text(a, rule.meta().name());
        String byId = Documents.text(a, rule.meta().id());
        if (byName == null && byId == null) {
            throw new RuleFileException(
                    a.line(),
                    "alias "
                            + field
                            + " does not say which field of "
                            + (rule.meta().name() != null ? rule.meta().name() : rule.meta().id())
                            + " it is");
        }
        return byName != null ? byName : byId;
    }

    private static FieldAccess field(SigmaDetection rule, String field, YamlNode.Mapping at)
            throws RuleFileException {
        String unknown = rule.source().unknown(field);
        if (unknown != null) {
            throw new RuleFileException(at.line(), unknown);
        }
        return rule.source().field(field);
    }

    static Duration timespan(YamlNode.Mapping c) throws RuleFileException {
        String text = Documents.required(c, "timespan", "the correlation");
        Matcher m = TIMESPAN.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new RuleFileException(
                    c.get("timespan").line(),
                    "timespan '" + text + "' is not a positive number with s, m, h, d or w");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "s":
                return Duration.ofSeconds(n);
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            case "d":
                return Duration.ofDays(n);
            default:
                return Duration.ofDays(7 * n);
        }
    }

    /** The rules the correlations read, each once (for {@code trailwatch test}). */
    List<SigmaDetection> bases() {
        Set<SigmaDetection> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<SigmaDetection> out = new ArrayList<>();
        for (SigmaCorrelationRule r : rules) {
            for (CorrelationInput in : r.feeders()) {
                if (seen.add(in.rule())) {
                    out.add(in.rule());
                }
            }
        }
        return out;
    }
}
