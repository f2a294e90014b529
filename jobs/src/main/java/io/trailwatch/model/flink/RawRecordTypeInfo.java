package io.trailwatch.model.flink;

import io.trailwatch.model.RawRecord;

/**
 * Flink's type information for {@link RawRecord}, serialized by {@link RawRecordSerializer}; the
 * type the sources declare.
 */
public final class RawRecordTypeInfo extends HandWrittenTypeInfo<RawRecord> {
    private static final long serialVersionUID = 1L;

    public static final RawRecordTypeInfo INSTANCE = new RawRecordTypeInfo();

    private RawRecordTypeInfo() {
        super(RawRecord.class, RawRecordSerializer.INSTANCE);
    }
}
