package io.trailwatch.model.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A serializer written by hand for one record type: the record's own class says how to write, read
 * and copy it; what Flink asks beyond that is the same for all of them (variable length, no reuse
 * of instances).
 */
public abstract class HandWrittenSerializer<T> extends TypeSerializerSingleton<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }
}
