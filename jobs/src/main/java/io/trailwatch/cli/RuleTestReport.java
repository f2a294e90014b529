package io.trailwatch.cli;

import io.trailwatch.detect.sigma.RuleProblem;
import io.trailwatch.detect.sigma.RuleTestResult;
import java.util.List;

/**
 * What {@code trailwatch test} prints: a row per case, a row per rule without a positive case, what
 * could not be loaded, then one summary line.
 */
final class RuleTestReport {
    private static final String[] HEADER = {"FILE", "RULE", "CASE", "EXPECTED", "GOT", "RESULT"};

    private RuleTestReport() {}

    static String of(
            List<RuleTestResult> results, List<RuleProblem> problems, List<RuleProblem> warnings) {
        int[] width = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            width[i] = HEADER[i].length();
        }
        for (RuleTestResult r : results) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length - 1; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        row(out, HEADER, width);
        int passed = 0;
        int failed = 0;
        int missing = 0;
        for (RuleTestResult r : results) {
            row(out, cells(r), width);
            switch (r.status()) {
                case PASS:
                    passed++;
                    break;
                case FAIL:
                    failed++;
                    break;
                default:
                    missing++;
            }
        }
        if (!problems.isEmpty()) {
            out.append(String.format("%nNot loaded: %d%n", problems.size()));
            for (RuleProblem p : problems) {
                out.append("  ").append(p).append('\n');
            }
        }
        if (!warnings.isEmpty()) {
            out.append(String.format("%nWarnings: %d%n", warnings.size()));
            for (RuleProblem w : warnings) {
                out.append("  ").append(w).append('\n');
            }
        }
        out.append(
                String.format(
                        "%n%d cases: %d passed, %d failed; %d rules without a positive case;"
                                + " %d not loaded%n",
                        passed + failed, passed, failed, missing, problems.size()));
        return out.toString();
    }

    private static String[] cells(RuleTestResult r) {
        String result =
                r.reason().isEmpty() ? r.status().name() : r.status().name() + ": " + r.reason();
        return new String[] {r.file(), r.rule(), r.testCase(), r.expected(), r.got(), result};
    }

    private static void row(StringBuilder out, String[] cells, int[] width) {
        for (int i = 0; i < cells.length; i++) {
            out.append(i == cells.length - 1 ? cells[i] : pad(cells[i], width[i] + 2));
        }
        out.append('\n');
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
