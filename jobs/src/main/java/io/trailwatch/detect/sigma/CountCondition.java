package io.trailwatch.detect.sigma;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A correlation's {@code condition} on a count: {@code gt}, {@code gte}, {@code lt}, {@code lte},
 * {@code eq}, {@code neq}, and ranges of them. A condition bounded only from below is decided the
 * moment a group's count reaches the bound, over a sliding timespan. One bounded from above, or
 * with {@code neq}, can only be decided once the count is final: such a correlation counts in fixed
 * timespans (aligned to the epoch, as a query over time buckets would) and decides each when it
 * closes.
 *
 * @param atLeast the smallest count that holds
 * @param atMost the largest count that holds ({@link Long#MAX_VALUE}: no bound)
 * @param not a count that does not hold, or {@code null}
 */
record CountCondition(long atLeast, long atMost, Long not, String text, List<Bound> bounds)
        implements Serializable {
    /**
     * One bound as written: {@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code eq}, {@code
     * neq}.
     */
    record Bound(String op, long n) implements Serializable {
        /** Whether {@code num / den} (den positive) meets the bound, in whole numbers. */
        boolean holds(long num, long den) {
            long limit = n * den;
            switch (op) {
                case "gt":
                    return num > limit;
                case "gte":
                    return num >= limit;
                case "lt":
                    return num < limit;
                case "lte":
                    return num <= limit;
                case "eq":
                    return num == limit;
                default:
                    return num != limit;
            }
        }
    }

    static CountCondition atLeast(long n, String text) {
        return new CountCondition(n, Long.MAX_VALUE, null, text, List.of(new Bound("gte", n)));
    }

    static CountCondition read(YamlNode.Mapping condition, boolean withField)
            throws RuleFileException {
        long lo = 0;
        long hi = Long.MAX_VALUE;
        Long not = null;
        List<String> parts = new ArrayList<>();
        List<Bound> bounds = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : condition.entries().entrySet()) {
            String op = e.getKey();
            if (withField && op.equals("field")) {
                continue;
            }
            if (!(e.getValue() instanceof YamlNode.Scalar s)
                    || !(s.value() instanceof Long n)
                    || n < 0) {
                throw new RuleFileException(
                        e.getValue().line(),
                        "condition." + op + " takes a whole number, 0 or more");
            }
            if (List.of("gt", "gte", "lt", "lte", "eq", "neq").contains(op)) {
                bounds.add(new Bound(op, n));
            }
            switch (op) {
                case "gt":
                    lo = Math.max(lo, n + 1);
                    parts.add("> " + n);
                    break;
                case "gte":
                    lo = Math.max(lo, n);
                    parts.add(">= " + n);
                    break;
                case "lt":
                    hi = Math.min(hi, n - 1);
                    parts.add("< " + n);
                    break;
                case "lte":
                    hi = Math.min(hi, n);
                    parts.add("<= " + n);
                    break;
                case "eq":
                    lo = Math.max(lo, n);
                    hi = Math.min(hi, n);
                    parts.add("= " + n);
                    break;
                case "neq":
                    not = n;
                    parts.add("!= " + n);
                    break;
                default:
                    throw new RuleFileException(
                            e.getValue().line(),
                            "condition '" + op + "' is not one of gt, gte, lt, lte, eq, neq");
            }
        }
        if (parts.isEmpty()) {
            throw new RuleFileException(condition.line(), "the condition sets no bound");
        }
        // a group exists only once a rule matched: a count below 1 is never seen
        lo = Math.max(lo, 1);
        if (lo > hi) {
            throw new RuleFileException(
                    condition.line(),
                    "the condition '"
                            + String.join(" and ", parts)
                            + "' holds for no count a"
                            + " group can have (groups exist once a rule matched)");
        }
        return new CountCondition(lo, hi, not, String.join(" and ", parts), List.copyOf(bounds));
    }

    /** Whether the count can only be judged when it is final. */
    boolean decidedAtClose() {
        return atMost != Long.MAX_VALUE || not != null;
    }

    boolean holds(long count) {
        return count >= atLeast && count <= atMost && (not == null || count != not);
    }

    /** Whether an average, {@code sum / count}, meets every bound as written. */
    boolean holdsAverage(long sum, long count) {
        if (count <= 0) {
            return false;
        }
        for (Bound b : bounds) {
            if (!b.holds(sum, count)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a sum meets every bound as written (a sum can be 0 or negative). */
    boolean holdsSum(long sum) {
        for (Bound b : bounds) {
            if (!b.holds(sum, 1)) {
                return false;
            }
        }
        return true;
    }
}
