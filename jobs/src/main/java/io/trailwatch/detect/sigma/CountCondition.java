package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A correlation's {@code condition}: {@code gt} or {@code gte} a number, which a stream decides the
 * moment a group's count reaches it. Bounds from above ({@code lt}, {@code lte}, {@code eq}, {@code
 * neq} and ranges with them) can only be decided when a timespan has closed, which correlations do
 * not do yet: they are refused by name.
 */
record CountCondition(long atLeast, String text) {
    static CountCondition read(YamlNode.Mapping condition, boolean withField)
            throws RuleFileException {
        Long atLeast = null;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : condition.entries().entrySet()) {
            String op = e.getKey();
            if (withField && op.equals("field")) {
                continue;
            }
            if (!(e.getValue() instanceof YamlNode.Scalar s) || !(s.value() instanceof Long n)) {
                throw new RuleFileException(
                        e.getValue().line(), "condition." + op + " takes a whole number");
            }
            switch (op) {
                case "gt":
                    atLeast = max(atLeast, n + 1);
                    parts.add("> " + n);
                    break;
                case "gte":
                    atLeast = max(atLeast, n);
                    parts.add(">= " + n);
                    break;
                case "lt":
                case "lte":
                case "eq":
                case "neq":
                    throw new RuleFileException(
                            e.getValue().line(),
                            "condition '"
                                    + op
                                    + "' is not supported: a stream decides a"
                                    + " correlation when its count reaches a bound (gt, gte); '"
                                    + op
                                    + "' needs the timespan to close first");
                default:
                    throw new RuleFileException(
                            e.getValue().line(),
                            "condition '" + op + "' is not one of gt, gte, lt, lte, eq, neq");
            }
        }
        if (atLeast == null) {
            throw new RuleFileException(
                    condition.line(), "the condition sets no bound (gt or gte)");
        }
        return new CountCondition(Math.max(1, atLeast), String.join(" and ", parts));
    }

    private static Long max(Long a, long b) {
        return a == null ? b : Math.max(a, b);
    }

    boolean holds(long count) {
        return count >= atLeast;
    }
}
