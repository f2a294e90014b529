package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.sink.Strings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Buffered SNS messages in checkpoints: explicit fields, no Java or Kryo serialization. */
public final class SnsPublishEntrySerializer
        extends AsyncSinkWriterStateSerializer<SnsPublishEntry> {
    @Override
    protected void serializeRequestToStream(SnsPublishEntry e, DataOutputStream out)
            throws IOException {
        Strings.write(out, e.topicArn);
        Strings.write(out, e.alertId);
        Strings.write(out, e.ruleId);
        Strings.write(out, e.team);
        Strings.write(out, e.body);
        Strings.write(out, e.subject);
        Strings.writeArray(out, e.attributeNames);
        Strings.writeArray(out, e.attributeValues);
        Strings.write(out, e.alertJson);
        Strings.write(out, e.rejection);
        out.writeInt(e.failedAttempts);
        Strings.write(out, e.lastError);
    }

    @Override
    protected SnsPublishEntry deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        return new SnsPublishEntry(
                Strings.read(in),
                Strings.read(in),
                Strings.read(in),
                Strings.read(in),
                Strings.read(in),
                Strings.read(in),
                Strings.readArray(in),
                Strings.readArray(in),
                Strings.read(in),
                Strings.read(in),
                in.readInt(),
                Strings.read(in));
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
