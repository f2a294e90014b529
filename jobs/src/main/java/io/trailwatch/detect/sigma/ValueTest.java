package io.trailwatch.detect.sigma;

import java.util.List;

/** One expected value of a field, judged against all the values the record has there. */
@FunctionalInterface
interface ValueTest {
    boolean test(List<Object> values, SigmaRecord record);

    /** A test of one value at a time: true when any value passes. */
    static ValueTest anyValue(java.util.function.Predicate<Object> each) {
        return (values, record) -> {
            for (int i = 0, n = values.size(); i < n; i++) {
                Object v = values.get(i);
                if (v != null && each.test(v)) {
                    return true;
                }
            }
            return false;
        };
    }
}
