package io.trailwatch.detect.sigma;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule files of a run, compiled once: detection rules for CloudTrail and flow records, filters
 * (on rule files' rules and on built-in stateless rules), and correlations. A file or rule that
 * cannot be used is a {@link RuleProblem} naming the file, line and reason, and only it is left
 * out; rules for logs Trailwatch does not read are {@link SkippedRule}s.
 */
public final class SigmaRuleSet {
    private final RuleRegistry registry;
    private final List<SigmaRule> rules;
    private final List<RuleProblem> problems;
    private final List<SkippedRule> skipped;
    private final List<RuleProblem> warnings;
    private final CorrelationSet correlations;

    private SigmaRuleSet(
            RuleRegistry registry,
            List<SigmaRule> rules,
            List<RuleProblem> problems,
            List<SkippedRule> skipped,
            List<RuleProblem> warnings,
            CorrelationSet correlations) {
        this.registry = registry;
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
        this.skipped = List.copyOf(skipped);
        this.warnings = List.copyOf(warnings);
        this.correlations = correlations;
    }

    /** No rule files: the built-in rules alone. */
    public static SigmaRuleSet none(RuleRegistry builtIns) {
        return new SigmaRuleSet(
                builtIns, List.of(), List.of(), List.of(), List.of(), CorrelationSet.NONE);
    }

    /** Compiles {@code files} against the built-in rules they may filter (ids are shared). */
    public static SigmaRuleSet compile(List<RuleFile> files, RuleRegistry builtIns) {
        if (files.isEmpty()) {
            return none(builtIns);
        }
        return new Compilation(builtIns).run(files);
    }

    /** The built-in rules plus every rule file's rule, filters applied. */
    public RuleRegistry registry() {
        return registry;
    }

    /** The detection rules loaded from files, in file order. */
    public List<SigmaRule> rules() {
        return rules;
    }

    /** The correlations loaded from files, and the base rules feeding them. */
    public CorrelationSet correlations() {
        return correlations;
    }

    public List<RuleProblem> problems() {
        return problems;
    }

    public List<SkippedRule> skipped() {
        return skipped;
    }

    /** Rules that loaded but will never match in part: they name fields records never have. */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /** One compilation: the documents of every file, in order, then filters, then correlations. */
    private static final class Compilation {
        private final RuleRegistry builtIns;
        private final Map<String, SigmaDetection> byId = new LinkedHashMap<>();
        private final Map<String, SigmaDetection> byName = new LinkedHashMap<>();
        private final List<Pending> filters = new ArrayList<>();
        private final List<Pending> correlationDocs = new ArrayList<>();
        private final List<RuleProblem> problems = new ArrayList<>();
        private final List<SkippedRule> skipped = new ArrayList<>();
        private final List<RuleProblem> warnings = new ArrayList<>();
        private final java.util.Set<String> replacesShipped = new java.util.HashSet<>();
        private final Map<String, String> idsTaken = new LinkedHashMap<>();

        /** A filter or correlation document, compiled once every detection rule is known. */
        private record Pending(String file, YamlNode.Mapping doc) {}

        Compilation(RuleRegistry builtIns) {
            this.builtIns = builtIns;
        }

        SigmaRuleSet run(List<RuleFile> files) {
            for (RuleFile f : files) {
                List<YamlNode> docs;
                try {
                    docs = YamlReader.documents(f.name(), f.text());
                } catch (RuleFileException e) {
                    problems.add(new RuleProblem(f.name(), e.line(), null, e.reason()));
                    continue;
                }
                for (YamlNode doc : docs) {
                    try {
                        document(f.name(), doc);
                    } catch (RuntimeException e) {
                        // a flaw of the compiler must cost this rule only, and be reported
                        problems.add(
                                new RuleProblem(
                                        f.name(),
                                        doc.line(),
                                        null,
                                        "cannot be compiled (" + e + "); please report this"));
                    }
                }
            }
            Map<String, StatelessRule> filteredBuiltIns = new LinkedHashMap<>();
            for (Pending p : filters) {
                filter(p, filteredBuiltIns);
            }
            CorrelationSet correlations =
                    CorrelationSet.compile(
                            correlationDocs.stream()
                                    .map(p -> new CorrelationSet.Doc(p.file(), p.doc()))
                                    .toList(),
                            byId,
                            byName,
                            idsTaken,
                            builtIns,
                            problems,
                            warnings);
            List<SigmaRule> loaded = new ArrayList<>();
            for (SigmaDetection d : byId.values()) {
                if (correlations.generates(d)) {
                    loaded.add(
                            d.source() == LogSource.CLOUDTRAIL
                                    ? new SigmaCloudTrailRule(d)
                                    : new SigmaFlowRule(d));
                }
            }
            List<DetectionRule> added = new ArrayList<>();
            List<DetectionRule> replacing = new ArrayList<>(filteredBuiltIns.values());
            for (SigmaRule r : loaded) {
                (replacesShipped.contains(r.info().id()) ? replacing : added).add(r);
            }
            for (SigmaCorrelationRule c : correlations.rules()) {
                // an id a built-in has was claimed only by a copy of a shipped rule file
                (builtIns.contains(c.info().id()) ? replacing : added).add(c);
            }
            RuleRegistry registry = builtIns.replacing(replacing).with(added);
            return new SigmaRuleSet(registry, loaded, problems, skipped, warnings, correlations);
        }

        private void document(String file, YamlNode node) {
            if (!(node instanceof YamlNode.Mapping doc)) {
                problems.add(
                        new RuleProblem(file, node.line(), null, "a rule document must be a map"));
                return;
            }
            if (doc.get("correlation") != null) {
                correlationDocs.add(new Pending(file, doc));
                return;
            }
            if (doc.get("filter") != null) {
                filters.add(new Pending(file, doc));
                return;
            }
            if (doc.get("detection") == null) {
                if (doc.get("action") != null || doc.entries().isEmpty()) {
                    return; // a Sigma 1.x collection's global or reset document: nothing to run
                }
                problems.add(
                        new RuleProblem(
                                file,
                                doc.line(),
                                title(doc),
                                "neither a rule (detection), a correlation nor a filter"));
                return;
            }
            try {
                LogSource source = logsource(file, doc);
                if (source == null) {
                    return;
                }
                SigmaDetection d = detection(file, doc, source);
                claim(file, d.meta(), doc);
                for (String w : d.detection().warnings()) {
                    warnings.add(
                            new RuleProblem(
                                    file, doc.get("detection").line(), d.meta().title(), w));
                }
                byId.put(d.meta().id(), d);
                if (d.meta().name() != null) {
                    byName.put(d.meta().name(), d);
                }
            } catch (RuleFileException e) {
                problems.add(new RuleProblem(file, e.line(), title(doc), e.reason()));
            }
        }

        /** The rule's log source; {@code null} (and the rule listed as skipped) for other logs. */
        private LogSource logsource(String file, YamlNode.Mapping doc) throws RuleFileException {
            YamlNode.Mapping ls = Documents.map(doc, "logsource");
            if (ls == null) {
                throw new RuleFileException(doc.line(), "the rule has no logsource");
            }
            String product = Documents.text(ls, "product");
            String service = Documents.text(ls, "service");
            LogSource source =
                    product != null && product.equalsIgnoreCase("aws") && service != null
                            ? LogSource.ofService(service)
                            : null;
            if (source == null) {
                List<String> parts = new ArrayList<>();
                for (String key : List.of("product", "category", "service")) {
                    String v = Documents.text(ls, key);
                    if (v != null) {
                        parts.add(key + ": " + v);
                    }
                }
                skipped.add(
                        new SkippedRule(
                                file,
                                doc.line(),
                                Documents.text(doc, "id"),
                                title(doc),
                                String.join(", ", parts)));
            }
            return source;
        }

        private SigmaDetection detection(String file, YamlNode.Mapping doc, LogSource source)
                throws RuleFileException {
            RuleMetadata meta = RuleMetadata.read(doc, file, false);
            TrailwatchExtension ext = TrailwatchExtension.read(doc);
            CompiledDetection detection = DetectionCompiler.compile(source, doc.get("detection"));
            Severity level = meta.level() != null ? meta.level() : Severity.MEDIUM;
            Responsibility responsibility =
                    ext.responsibility() != null
                            ? ext.responsibility()
                            : ServiceResponsibility.of(source, detection.sources());
            RuleInfo info =
                    RuleInfo.rule(meta.id(), meta.title())
                            .severity(
                                    level,
                                    ext.severityNote() != null
                                            ? ext.severityNote()
                                            : level.name() + " (the rule's level)")
                            .responsibility(responsibility)
                            .controls(meta.controls().toArray(new String[0]))
                            .evidence(
                                    ext.evidenceNames(evidenceNames(source, detection))
                                            .toArray(new String[0]))
                            .techniques(meta.techniques().toArray(new String[0]))
                            .remediation(
                                    ext.remediation(
                                            meta,
                                            "Investigate the event against the rule '"
                                                    + meta.title()
                                                    + "'."));
            try {
                return new SigmaDetection(
                        meta, source, detection, ext, info, List.of(), detection.matcher());
            } catch (UnsupportedConstructException e) {
                throw new RuleFileException(
                        doc.get("trailwatch") != null ? doc.get("trailwatch").line() : doc.line(),
                        e.getMessage());
            }
        }

        private static List<String> evidenceNames(LogSource source, CompiledDetection d) {
            List<String> out = new ArrayList<>();
            for (String f : d.fields()) {
                if (source != LogSource.CLOUDTRAIL
                        || !List.of("eventName", "eventSource", "sourceIPAddress").contains(f)) {
                    out.add(f);
                }
            }
            return out;
        }

        private void claim(String file, RuleMetadata meta, YamlNode.Mapping doc)
                throws RuleFileException {
            String id = meta.id();
            if (builtIns.contains(id)) {
                if (!shipped(builtIns.rule(id))) {
                    throw new RuleFileException(
                            doc.get("id").line(), "id " + id + " is a built-in rule's");
                }
                // a copy of a shipped rule file, edited or as shipped: it takes the shipped one's
                // place, as a user who tunes a shipped rule expects
                replacesShipped.add(id);
                warnings.add(
                        new RuleProblem(
                                file,
                                doc.get("id").line(),
                                meta.title(),
                                "replaces the shipped rule " + id));
            }
            String earlier = idsTaken.putIfAbsent(id.toLowerCase(Locale.ROOT), meta.where());
            if (earlier != null) {
                throw new RuleFileException(
                        doc.get("id").line(), "id " + id + " is taken by the rule at " + earlier);
            }
            if (meta.name() != null && byName.containsKey(meta.name())) {
                idsTaken.remove(id.toLowerCase(Locale.ROOT));
                throw new RuleFileException(
                        doc.get("name").line(),
                        "name "
                                + meta.name()
                                + " is taken by the rule at "
                                + byName.get(meta.name()).meta().where());
            }
        }

        private void filter(Pending p, Map<String, StatelessRule> filteredBuiltIns) {
            YamlNode.Mapping doc = p.doc();
            try {
                RuleMetadata meta = RuleMetadata.read(doc, p.file(), false);
                YamlNode.Mapping ls = Documents.map(doc, "logsource");
                LogSource source = null;
                if (ls != null) {
                    String product = Documents.text(ls, "product");
                    String service = Documents.text(ls, "service");
                    source =
                            product != null && product.equalsIgnoreCase("aws") && service != null
                                    ? LogSource.ofService(service)
                                    : null;
                    if (source == null) {
                        skipped.add(
                                new SkippedRule(
                                        p.file(),
                                        doc.line(),
                                        meta.id(),
                                        meta.title(),
                                        "filter for " + ls.entries().keySet()));
                        return;
                    }
                }
                YamlNode.Mapping f = Documents.map(doc, "filter");
                List<String> targets = Documents.texts(f, "rules");
                if (targets.isEmpty()) {
                    throw new RuleFileException(f.line(), "filter.rules names no rule");
                }
                Map<String, YamlNode> detectionEntries = new LinkedHashMap<>(f.entries());
                detectionEntries.remove("rules");
                YamlNode.Mapping detectionDoc = new YamlNode.Mapping(detectionEntries, f.line());
                claimFilter(meta, doc);
                for (String target : targets) {
                    SigmaDetection d = byId.get(target);
                    if (d == null) {
                        d = byName.get(target);
                    }
                    LogSource targetSource = d != null ? d.source() : LogSource.CLOUDTRAIL;
                    if (source != null && source != targetSource) {
                        throw new RuleFileException(
                                f.line(),
                                "filter for "
                                        + source.service()
                                        + " names "
                                        + target
                                        + ", a rule for "
                                        + targetSource.service());
                    }
                    Matcher condition =
                            DetectionCompiler.compile(targetSource, detectionDoc).matcher();
                    if (d != null) {
                        SigmaDetection filtered = d.filtered(meta.id(), condition);
                        byId.put(d.meta().id(), filtered);
                        if (d.meta().name() != null) {
                            byName.put(d.meta().name(), filtered);
                        }
                        continue;
                    }
                    DetectionRule builtIn = builtIns.rule(target);
                    if (builtIn == null) {
                        throw new RuleFileException(
                                f.line(),
                                "filter.rules names "
                                        + target
                                        + ", which is neither a loaded rule (id or name) nor a"
                                        + " built-in rule");
                    }
                    if (!(builtIn instanceof StatelessRule stateless)) {
                        throw new RuleFileException(
                                f.line(),
                                "filter.rules names "
                                        + target
                                        + ", a "
                                        + builtIn.info().kind().id()
                                        + " built-in rule; filters apply to stateless built-in"
                                        + " rules and to rule files' rules");
                    }
                    StatelessRule current = filteredBuiltIns.getOrDefault(target, stateless);
                    filteredBuiltIns.put(target, with(current, meta.id(), condition));
                }
            } catch (RuleFileException e) {
                problems.add(new RuleProblem(p.file(), e.line(), title(doc), e.reason()));
            } catch (UnsupportedConstructException e) {
                problems.add(new RuleProblem(p.file(), doc.line(), title(doc), e.getMessage()));
            }
        }

        private void claimFilter(RuleMetadata meta, YamlNode.Mapping doc) throws RuleFileException {
            claimId(idsTaken, builtIns, meta, doc, null);
        }

        private static StatelessRule with(StatelessRule rule, String filterId, Matcher condition) {
            if (rule instanceof FilteredStatelessRule f) {
                Matcher before = f.filter();
                List<String> ids = new ArrayList<>(f.filters());
                ids.add(filterId);
                return new FilteredStatelessRule(
                        f.rule(), r -> before.matches(r) && condition.matches(r), ids);
            }
            return new FilteredStatelessRule(rule, condition, List.of(filterId));
        }

        private static String title(YamlNode.Mapping doc) {
            try {
                return Documents.text(doc, "title");
            } catch (RuleFileException e) {
                return null;
            }
        }
    }

    /**
     * Takes a filter's or correlation's id for it: no rule of the files (ids compare ignoring case)
     * may have it, nor a built-in rule unless a correlation takes a shipped rule's place.
     *
     * @param idsTaken lower-case ids taken so far, with where each was read
     * @param replacements where a correlation that takes a shipped rule's place is noted (as a user
     *     who tunes a copy of a shipped file expects); {@code null} for a filter, which never
     *     replaces a rule
     */
    static void claimId(
            Map<String, String> idsTaken,
            RuleRegistry builtIns,
            RuleMetadata meta,
            YamlNode.Mapping doc,
            List<RuleProblem> replacements)
            throws RuleFileException {
        String earlier = idsTaken.putIfAbsent(meta.id().toLowerCase(Locale.ROOT), meta.where());
        boolean shipped = replacements != null && shipped(builtIns.rule(meta.id()));
        if (earlier != null || (builtIns.contains(meta.id()) && !shipped)) {
            throw new RuleFileException(
                    doc.get("id").line(),
                    "id "
                            + meta.id()
                            + " is taken"
                            + (earlier != null
                                    ? " by the rule at " + earlier
                                    : " by a built-in rule"));
        }
        if (shipped) {
            replacements.add(
                    new RuleProblem(
                            meta.file(),
                            doc.get("id").line(),
                            meta.title(),
                            "replaces the shipped rule " + meta.id()));
        }
    }

    /**
     * Whether a built-in rule came from a shipped rule file (a rule or a correlation), so that a
     * user's file with its id, of either kind, takes its place.
     */
    static boolean shipped(DetectionRule rule) {
        return rule instanceof SigmaRule || rule instanceof SigmaCorrelationRule;
    }

    /** How a loaded rule is listed: kind name for the catalog and {@code trailwatch rules}. */
    public static String kind(DetectionRule r) {
        if (r instanceof SigmaFlowRule) {
            return "sigma (flow)";
        }
        if (r instanceof SigmaCloudTrailRule) {
            return "sigma (cloudtrail)";
        }
        if (r instanceof SigmaCorrelationRule) {
            return "sigma correlation";
        }
        return r.info().kind().id();
    }
}
