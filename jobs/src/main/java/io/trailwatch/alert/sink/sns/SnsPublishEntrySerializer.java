package io.trailwatch.alert.sink.sns;

import io.trailwatch.model.NullableStrings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Buffered SNS messages in checkpoints: explicit fields, no Java or Kryo serialization. A restored
 * message's delivery deadline counts from the restore.
 */
public final class SnsPublishEntrySerializer
        extends AsyncSinkWriterStateSerializer<SnsPublishEntry> {
    @Override
    protected void serializeRequestToStream(SnsPublishEntry e, DataOutputStream out)
            throws IOException {
        NullableStrings.write(out, e.topicArn);
        NullableStrings.write(out, e.alertId);
        NullableStrings.write(out, e.ruleId);
        NullableStrings.write(out, e.team);
        NullableStrings.write(out, e.body);
        NullableStrings.write(out, e.subject);
        NullableStrings.writeArray(out, e.attributeNames);
        NullableStrings.writeArray(out, e.attributeValues);
        NullableStrings.write(out, e.alertJson);
        NullableStrings.write(out, e.rejection);
        out.writeInt(e.failedAttempts);
        NullableStrings.write(out, e.lastError);
    }

    @Override
    protected SnsPublishEntry deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        return new SnsPublishEntry(
                NullableStrings.read(in),
                NullableStrings.read(in),
                NullableStrings.read(in),
                NullableStrings.read(in),
                NullableStrings.read(in),
                NullableStrings.read(in),
                NullableStrings.readArray(in),
                NullableStrings.readArray(in),
                NullableStrings.read(in),
                NullableStrings.read(in),
                System.currentTimeMillis(),
                in.readInt(),
                NullableStrings.read(in));
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
