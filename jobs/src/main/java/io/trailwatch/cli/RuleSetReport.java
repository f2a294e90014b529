package io.trailwatch.cli;

import io.trailwatch.detect.sigma.RuleProblem;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What a command says about the rule files it loaded: each problem, then one line of counts. */
final class RuleSetReport {
    private RuleSetReport() {}

    static List<RuleProblem> problems(List<RuleProblem> unread, SigmaRuleSet set) {
        List<RuleProblem> all = new ArrayList<>(unread);
        all.addAll(set.problems());
        return all;
    }

    static void print(List<RuleProblem> unread, SigmaRuleSet set, PrintStream err) {
        List<RuleProblem> problems = problems(unread, set);
        for (RuleProblem p : problems) {
            err.println("trailwatch: rule file " + p + " (left out)");
        }
        for (RuleProblem w : set.warnings()) {
            err.println("trailwatch: rule file " + w);
        }
        err.println(
                "trailwatch: rule files: "
                        + set.rules().size()
                        + " rules and "
                        + set.correlations().rules().size()
                        + " correlations loaded, "
                        + set.skipped().size()
                        + " rules for other logs skipped, "
                        + problems.size()
                        + " left out");
    }
}
