package io.trailwatch.alert.sink.slack;

import io.trailwatch.model.NullableStrings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Buffered Slack messages in checkpoints: explicit fields, no Java or Kryo serialization. A
 * restored message's delivery deadline counts from the restore.
 */
public final class SlackMessageEntrySerializer
        extends AsyncSinkWriterStateSerializer<SlackMessageEntry> {
    @Override
    protected void serializeRequestToStream(SlackMessageEntry e, DataOutputStream out)
            throws IOException {
        NullableStrings.write(out, e.webhook);
        NullableStrings.write(out, e.recipient);
        NullableStrings.write(out, e.alertId);
        NullableStrings.write(out, e.ruleId);
        NullableStrings.write(out, e.body);
        NullableStrings.write(out, e.alertJson);
        out.writeInt(e.failedAttempts);
        NullableStrings.write(out, e.lastError);
    }

    @Override
    protected SlackMessageEntry deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        return new SlackMessageEntry(
                NullableStrings.read(in),
                NullableStrings.read(in),
                NullableStrings.read(in),
                NullableStrings.read(in),
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
