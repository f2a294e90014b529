package io.trailwatch.detect.sigma;

import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** One expected value of a field, judged against all the values the record has there. */
@FunctionalInterface
interface ValueTest {
    boolean test(List<Object> values, SigmaRecord record);

    /**
     * The same for a field that holds at most one value ({@code null}: none); tests of one value at
     * a time answer without a list.
     */
    default boolean testOne(Object value, SigmaRecord record) {
        return test(value == null ? List.of() : Collections.singletonList(value), record);
    }

    /** A test of one value at a time: true when any value passes. */
    static ValueTest anyValue(Predicate<Object> each) {
        return new ValueTest() {
            @Override
            public boolean test(List<Object> values, SigmaRecord record) {
                for (int i = 0, n = values.size(); i < n; i++) {
                    Object v = values.get(i);
                    if (v != null && each.test(v)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean testOne(Object value, SigmaRecord record) {
                return value != null && each.test(value);
            }
        };
    }
}
