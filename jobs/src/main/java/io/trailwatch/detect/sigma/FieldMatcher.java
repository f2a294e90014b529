package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.List;

/** A field with its expected values: any of them matches, or with {@code |all} every one. */
final class FieldMatcher implements Matcher {
    private final FieldAccess field;
    private final SingleValue single;
    private final ValueTest[] tests;
    private final boolean all;

    FieldMatcher(FieldAccess field, List<ValueTest> tests, boolean all) {
        this.field = field;
        this.single = field instanceof SingleValue s ? s : null;
        this.tests = tests.toArray(new ValueTest[0]);
        this.all = all;
    }

    @Override
    public boolean matches(SigmaRecord record) {
        if (single != null) {
            Object value = single.value(record);
            for (ValueTest t : tests) {
                boolean ok = t.testOne(value, record);
                if (ok != all) {
                    return ok;
                }
            }
            return all;
        }
        List<Object> values = new ArrayList<>(2);
        field.values(record, values);
        for (ValueTest t : tests) {
            boolean ok = t.test(values, record);
            if (ok != all) {
                return ok;
            }
        }
        return all;
    }
}
