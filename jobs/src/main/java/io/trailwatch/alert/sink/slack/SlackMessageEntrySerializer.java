package io.trailwatch.alert.sink.slack;

import io.trailwatch.alert.sink.Strings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Buffered Slack messages in checkpoints: explicit fields, no Java or Kryo serialization. */
public final class SlackMessageEntrySerializer
        extends AsyncSinkWriterStateSerializer<SlackMessageEntry> {
    @Override
    protected void serializeRequestToStream(SlackMessageEntry e, DataOutputStream out)
            throws IOException {
        Strings.write(out, e.webhook);
        Strings.write(out, e.recipient);
        Strings.write(out, e.alertId);
        Strings.write(out, e.ruleId);
        Strings.write(out, e.body);
        Strings.write(out, e.alertJson);
        out.writeInt(e.failedAttempts);
        Strings.write(out, e.lastError);
    }

    @Override
    protected SlackMessageEntry deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        return new SlackMessageEntry(
                Strings.read(in),
                Strings.read(in),
                Strings.read(in),
                Strings.read(in),
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
