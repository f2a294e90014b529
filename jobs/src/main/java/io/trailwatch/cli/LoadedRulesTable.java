package io.trailwatch.cli;

import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.sigma.RuleProblem;
import io.trailwatch.detect.sigma.SigmaCorrelationRule;
import io.trailwatch.detect.sigma.SigmaRule;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.detect.sigma.SkippedRule;
import java.util.List;

/**
 * {@code trailwatch rules --rules PATH}: every rule that will run (built-in and loaded, with the
 * file of each loaded one), then what was left out and why, then the rules skipped as written for
 * other logs.
 */
final class LoadedRulesTable {
    private LoadedRulesTable() {}

    static String of(SigmaRuleSet set, List<RuleProblem> problems) {
        StringBuilder out = new StringBuilder();
        String row = "%-36s %-9s %-19s %s%s%n";
        out.append(String.format(row, "RULE", "LEVEL", "KIND", "TITLE", ""));
        for (DetectionRule r : set.registry().rules()) {
            RuleInfo info = r.info();
            String file = "";
            if (r instanceof SigmaRule s) {
                file = "  (" + s.file() + ")";
            } else if (r instanceof SigmaCorrelationRule c) {
                file = "  (" + c.file() + ")";
            }
            out.append(
                    String.format(
                            row,
                            info.id(),
                            info.severity(),
                            SigmaRuleSet.kind(r),
                            info.title(),
                            file));
        }
        out.append(String.format("%nLeft out: %d%n", problems.size()));
        for (RuleProblem p : problems) {
            out.append("  ").append(p).append('\n');
        }
        out.append(String.format("%nWarnings: %d%n", set.warnings().size()));
        for (RuleProblem w : set.warnings()) {
            out.append("  ").append(w).append('\n');
        }
        out.append(
                String.format(
                        "%nSkipped, for logs Trailwatch does not read: %d%n",
                        set.skipped().size()));
        for (SkippedRule s : set.skipped()) {
            out.append("  ")
                    .append(s.file())
                    .append(':')
                    .append(s.line())
                    .append(": ")
                    .append(s.title() == null ? "" : s.title())
                    .append(" (")
                    .append(s.logsource())
                    .append(")\n");
        }
        return out.toString();
    }
}
