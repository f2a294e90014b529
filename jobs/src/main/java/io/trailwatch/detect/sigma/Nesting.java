package io.trailwatch.detect.sigma;

import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Correlations of correlations: a correlation whose {@code rules} name correlations of rules. It
 * counts their alerts (each report of a read correlation is one match, at the report's time),
 * grouped by its own group-by fields, which must be group-by fields of every correlation it reads
 * (directly or through {@code aliases}). The read correlations alert on their own only when a
 * reader says {@code generate: true}. Nesting goes two deep.
 */
final class Nesting {
    private final List<SigmaCorrelationRule> rules;
    private final Map<String, String> idsTaken;
    private final RuleRegistry builtIns;
    private final List<RuleProblem> problems;
    private final List<RuleProblem> replacements;

    /**
     * @param rules the correlations of rules compiled so far: read ones are replaced by their
     *     feeding versions, and the nested ones added
     */
    Nesting(
            List<SigmaCorrelationRule> rules,
            Map<String, String> idsTaken,
            RuleRegistry builtIns,
            List<RuleProblem> problems,
            List<RuleProblem> replacements) {
        this.rules = rules;
        this.idsTaken = idsTaken;
        this.builtIns = builtIns;
        this.problems = problems;
        this.replacements = replacements;
    }

    void compile(List<CorrelationSet.Doc> docs) {
        if (docs.isEmpty()) {
            return;
        }
        Map<String, Integer> byRef = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            byRef.put(rules.get(i).info().id(), i);
            if (rules.get(i).name() != null) {
                byRef.put(rules.get(i).name(), i);
            }
        }
        Map<Integer, List<Correlation.Feed>> feeds = new HashMap<>();
        Map<Integer, Boolean> generated = new HashMap<>();
        List<SigmaCorrelationRule> nested = new ArrayList<>();
        for (CorrelationSet.Doc d : docs) {
            YamlNode.Mapping doc = d.doc();
            try {
                RuleMetadata meta = RuleMetadata.read(doc, d.file(), false);
                TrailwatchExtension ext = TrailwatchExtension.readForCorrelation(doc);
                YamlNode.Mapping c = Documents.map(doc, "correlation");
                CorrelationType type = CorrelationSet.type(c);
                if (type.addsUp()) {
                    throw new RuleFileException(
                            c.get("type").line(),
                            type.id() + " adds up a field of rules' matches, not of correlations");
                }
                List<String> refs = Documents.texts(c, "rules");
                List<Integer> read = new ArrayList<>();
                for (String ref : refs) {
                    Integer at = byRef.get(ref);
                    if (at == null) {
                        throw new RuleFileException(
                                c.get("rules").line(),
                                "correlation.rules names "
                                        + ref
                                        + ": a correlation of correlations reads correlations of"
                                        + " rules only (not rules, and not two deep)");
                    }
                    read.add(at);
                }
                List<String> groupBy = Documents.texts(c, "group-by");
                Duration timespan = CorrelationSet.timespan(c);
                YamlNode.Mapping aliases = Documents.map(c, "aliases");
                CorrelationSet.Counting counting = CorrelationSet.counting(c, type, read.size());
                boolean generate = CorrelationSet.generate(c);
                SigmaRuleSet.claimId(idsTaken, builtIns, meta, doc, replacements);
                List<String> names = new ArrayList<>();
                Map<Integer, Correlation.Feed> mine = new HashMap<>();
                for (int i = 0; i < read.size(); i++) {
                    SigmaCorrelationRule inner = rules.get(read.get(i));
                    names.add(inner.name() != null ? inner.name() : inner.info().id());
                    int[] group = new int[groupBy.size()];
                    for (int k = 0; k < groupBy.size(); k++) {
                        group[k] = position(inner, aliases, groupBy.get(k), c);
                    }
                    int value =
                            counting.valueField() == null
                                    ? -1
                                    : position(inner, aliases, counting.valueField(), c);
                    mine.put(
                            read.get(i),
                            new Correlation.Feed(
                                    meta.id(),
                                    type,
                                    i,
                                    group,
                                    value,
                                    counting.condition().decidedAtClose()
                                            ? timespan.toMillis()
                                            : 0));
                }
                Correlation correlation =
                        new Correlation(
                                meta.id(),
                                type,
                                List.copyOf(names),
                                List.copyOf(groupBy),
                                counting.valueField(),
                                timespan,
                                counting.condition(),
                                false,
                                List.of());
                RuleInfo info =
                        CorrelationSet.info(
                                meta,
                                ext,
                                correlation,
                                rules.get(read.get(0)).info().responsibility(),
                                "alerts of",
                                names);
                nested.add(
                        new SigmaCorrelationRule(
                                info, correlation, meta.where(), meta.name(), 2, List.of()));
                mine.forEach(
                        (at, feed) -> {
                            feeds.computeIfAbsent(at, k -> new ArrayList<>()).add(feed);
                            generated.merge(at, generate, Boolean::logicalOr);
                        });
            } catch (RuleFileException e) {
                problems.add(CorrelationSet.problem(d, e));
            }
        }
        feeds.forEach(
                (at, f) -> {
                    SigmaCorrelationRule inner = rules.get(at);
                    rules.set(at, inner.with(inner.correlation().feeding(f, generated.get(at))));
                });
        rules.addAll(nested);
    }

    /** Where a read correlation keeps the value of one of the reader's fields. */
    private static int position(
            SigmaCorrelationRule inner, YamlNode.Mapping aliases, String field, YamlNode.Mapping c)
            throws RuleFileException {
        String own = field;
        if (aliases != null) {
            YamlNode.Mapping a = Documents.map(aliases, field);
            if (a != null) {
                String byName = inner.name() == null ? null : Documents.text(a, inner.name());
                String byId = Documents.text(a, inner.info().id());
                own = byName != null ? byName : byId != null ? byId : field;
            }
        }
        int at = inner.correlation().groupBy().indexOf(own);
        if (at < 0) {
            throw new RuleFileException(
                    c.line(),
                    (inner.name() != null ? inner.name() : inner.info().id())
                            + " does not group by "
                            + own
                            + " (it groups by "
                            + inner.correlation().groupBy()
                            + ")");
        }
        return at;
    }
}
