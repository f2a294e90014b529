package io.trailwatch.detect.sigma;

import java.util.List;

/** A rule's condition as parsed, before the identifiers are bound to their selections. */
sealed interface Condition {
    record Ref(String identifier) implements Condition {}

    record And(List<Condition> parts) implements Condition {}

    record Or(List<Condition> parts) implements Condition {}

    record Not(Condition part) implements Condition {}

    /**
     * {@code N of pattern}, {@code all of pattern}: at least {@code count} (or all when {@code
     * count} is 0) of the identifiers the pattern names; {@code them} is every identifier not
     * starting with an underscore.
     */
    record Quantified(int count, String pattern) implements Condition {}
}
