package io.trailwatch.detect.sigma;

import java.util.List;

/**
 * A field that holds at most one value (CloudTrail's top-level fields, flow fields, most owner
 * columns): matchers read it without collecting values into a list, which the common rule pays for
 * on every record it is offered.
 */
interface SingleValue extends FieldAccess {
    /** The value, or {@code null} when the record has none. */
    Object value(SigmaRecord record);

    @Override
    default void values(SigmaRecord record, List<Object> out) {
        Object v = value(record);
        if (v != null) {
            out.add(v);
        }
    }
}
