package io.trailwatch.detect.sigma;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.rules.Finding;
import io.trailwatch.detect.rules.FlowRule;
import io.trailwatch.detect.rules.RuleContext;
import io.trailwatch.detect.rules.RuleEngine;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the cases of rule files against the rule set compiled from them. Each detection rule runs as
 * the job runs it (CloudTrail rules through a {@link RuleEngine}, which files them under the event
 * names they pin; flow rules on each record), filters included; each correlation through {@link
 * CorrelationReplay}. Rules that only correlations read run the same way, as if they alerted.
 */
public final class RuleTestRunner {
    /** Rules asked about the ownership table are told that no account is known. */
    private static final RuleContext NO_TABLE = account -> false;

    private final SigmaRuleSet set;
    private final Map<String, List<RuleTestTarget>> byFile = new HashMap<>();
    private final RecordDecoder decoder = new RecordDecoder();

    public RuleTestRunner(List<RuleFile> files, SigmaRuleSet set) {
        this.set = set;
        Map<String, SigmaDetection> detections = new HashMap<>();
        for (SigmaRule r : set.rules()) {
            detections.put(r.detection().meta().where(), r.detection());
        }
        for (SigmaDetection d : set.correlations().bases()) {
            detections.put(d.meta().where(), d);
        }
        Map<String, SigmaCorrelationRule> correlations = new HashMap<>();
        for (SigmaCorrelationRule c : set.correlations().rules()) {
            correlations.put(c.file(), c);
        }
        for (RuleFile f : files) {
            byFile.put(f.name(), targets(f, detections, correlations));
        }
    }

    /** The rules and correlations of a file that loaded, in file order. */
    private static List<RuleTestTarget> targets(
            RuleFile f,
            Map<String, SigmaDetection> detections,
            Map<String, SigmaCorrelationRule> correlations) {
        List<RuleTestTarget> out = new ArrayList<>();
        List<YamlNode> docs;
        try {
            docs = YamlReader.documents(f.name(), f.text());
        } catch (RuleFileException e) {
            return out; // the rule set reports it
        }
        for (YamlNode doc : docs) {
            String where = f.name() + ":" + doc.line();
            SigmaDetection d = detections.get(where);
            SigmaCorrelationRule c = correlations.get(where);
            if (d != null) {
                out.add(RuleTestTarget.of(d));
            } else if (c != null && doc instanceof YamlNode.Mapping m) {
                String name = null;
                try {
                    name = Documents.text(m, "name");
                } catch (RuleFileException e) {
                    // it compiled, so its name is text
                }
                out.add(RuleTestTarget.of(c, name));
            }
        }
        return out;
    }

    /**
     * The outcome of every case of {@code tests} (may be {@code null}: the file has none), then
     * every rule and correlation of the file that no case expects to match.
     */
    public List<RuleTestResult> run(RuleFile file, RuleTestFile tests) {
        List<RuleTestTarget> targets = byFile.getOrDefault(file.name(), List.of());
        List<RuleTestResult> results = new ArrayList<>();
        Set<String> positive = new HashSet<>();
        if (tests != null) {
            for (RuleTestCase c : tests.cases()) {
                RuleTestTarget t = target(targets, c.rule());
                if (t == null) {
                    results.add(
                            fail(
                                    file,
                                    c.rule() == null ? "" : c.rule(),
                                    c,
                                    "",
                                    unknown(file, targets, c.rule())));
                    continue;
                }
                if (c.expectMatch()) {
                    positive.add(t.id());
                }
                results.add(run(file, tests, t, c));
            }
        }
        for (RuleTestTarget t : targets) {
            if (!positive.contains(t.id())) {
                results.add(RuleTestResult.missing(file.name(), t.label()));
            }
        }
        return results;
    }

    private RuleTestTarget target(List<RuleTestTarget> targets, String ref) {
        if (ref == null) {
            return targets.size() == 1 ? targets.get(0) : null;
        }
        for (RuleTestTarget t : targets) {
            if (t.isNamed(ref)) {
                return t;
            }
        }
        for (DetectionRule r : set.registry().rules()) {
            if (r.info().id().equals(ref)
                    && !(r instanceof SigmaRule)
                    && !(r instanceof SigmaCorrelationRule)) {
                return RuleTestTarget.builtIn(r);
            }
        }
        return null;
    }

    private static String unknown(RuleFile file, List<RuleTestTarget> targets, String ref) {
        if (ref != null) {
            return "no rule or correlation of "
                    + file.name()
                    + " has id or name "
                    + ref
                    + ", nor does a built-in rule";
        }
        return file.name()
                + " holds "
                + targets.size()
                + " rules and correlations that loaded: name one with rule:";
    }

    private RuleTestResult run(
            RuleFile file, RuleTestFile tests, RuleTestTarget t, RuleTestCase c) {
        List<Object> records;
        try {
            records = CaseRecords.decode(c, tests.name(), decoder);
        } catch (CaseRecords.Refused e) {
            return fail(file, t.label(), c, "", e.getMessage());
        }
        if (t.correlation() != null) {
            CorrelationReplay.Outcome o =
                    CorrelationReplay.run(set.correlations(), t.correlation(), records);
            return result(
                    file,
                    t,
                    c,
                    o.alerted(),
                    o.alerted()
                            ? "it alerted"
                            : "it never alerted: its rules gave "
                                    + o.signals()
                                    + " matches in "
                                    + o.keys()
                                    + " groups");
        }
        if (t.builtIn() != null
                && !(t.builtIn() instanceof StatelessRule)
                && !(t.builtIn() instanceof FlowRule)) {
            return fail(
                    file,
                    t.label(),
                    c,
                    "",
                    t.label() + " is a windowed built-in rule: test it with trailwatch replay");
        }
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Object r = records.get(i);
            if (t.detection() != null && !reads(t.detection(), r)) {
                return fail(
                        file,
                        t.label(),
                        c,
                        "",
                        t.label()
                                + " reads "
                                + t.detection().source().service()
                                + " records, and the case gives "
                                + (r instanceof CloudTrailEvent
                                        ? "CloudTrail events"
                                        : "flow records"));
            }
            if (matches(t, r)) {
                matched.add(i + 1);
            }
        }
        boolean got = !matched.isEmpty();
        String why =
                got
                        ? "record " + matched.get(0) + " (in event-time order) matches"
                        : "none of the " + records.size() + " records matches";
        return result(file, t, c, got, why);
    }

    private static boolean reads(SigmaDetection d, Object record) {
        return (d.source() == LogSource.CLOUDTRAIL) == (record instanceof CloudTrailEvent);
    }

    private static boolean matches(RuleTestTarget t, Object record) {
        DetectionRule rule = t.builtIn();
        if (rule == null) {
            SigmaDetection d = t.detection();
            rule =
                    d.source() == LogSource.CLOUDTRAIL
                            ? new SigmaCloudTrailRule(d)
                            : new SigmaFlowRule(d);
        }
        if (record instanceof CloudTrailEvent e) {
            return rule instanceof StatelessRule s
                    && !new RuleEngine(List.of(s), Set.of()).evaluate(e, NO_TABLE, 0L).isEmpty();
        }
        if (rule instanceof FlowRule f) {
            List<Finding> findings = new ArrayList<>(1);
            f.evaluate((FlowRecord) record, findings);
            return !findings.isEmpty();
        }
        return false;
    }

    private static RuleTestResult result(
            RuleFile file, RuleTestTarget t, RuleTestCase c, boolean got, String why) {
        boolean pass = got == c.expectMatch();
        return new RuleTestResult(
                file.name(),
                t.label(),
                c.name(),
                c.expected(),
                got ? RuleTestFile.MATCH : RuleTestFile.NO_MATCH,
                pass ? RuleTestResult.Status.PASS : RuleTestResult.Status.FAIL,
                pass ? "" : why);
    }

    private static RuleTestResult fail(
            RuleFile file, String rule, RuleTestCase c, String got, String reason) {
        return new RuleTestResult(
                file.name(), rule, c.name(), c.expected(), got, RuleTestResult.Status.FAIL, reason);
    }
}
