package io.trailwatch.ingest;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Everything a decoder produced for one input, for assertions. */
final class Decoded {
    final List<CloudTrailEvent> events = new ArrayList<>();
    final List<FlowRecord> flows = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final Map<SkipKind, Integer> skipped = new EnumMap<>(SkipKind.class);

    /** Scans a file's bytes as the replay source does, then decodes every raw record. */
    static Decoded file(byte[] content) {
        return file(content, DecodeLimits.defaults());
    }

    static Decoded file(byte[] content, DecodeLimits limits) {
        return file(content, limits, null);
    }

    /**
     * As the replay source scans a file for which the format of flow lines without a header is
     * declared ({@code null}: none).
     */
    static Decoded file(byte[] content, FlowLogFormat declaredFlowFormat) {
        return file(content, DecodeLimits.defaults(), declaredFlowFormat);
    }

    private static Decoded file(
            byte[] content, DecodeLimits limits, FlowLogFormat declaredFlowFormat) {
        Decoded d = new Decoded();
        RecordDecoder decoder = new RecordDecoder(limits, FlowLogFormat.DEFAULT_V2);
        try (LogFileScanner scanner =
                new LogFileScanner(
                        new ByteArrayInputStream(content),
                        "test-file",
                        limits,
                        declaredFlowFormat)) {
            RawRecord r;
            while ((r = scanner.next()) != null) {
                d.add(decoder.decode(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** Decodes one payload of unknown shape, as a Kinesis record arrives. */
    static Decoded kinesisRecord(byte[] payload) {
        Decoded d = new Decoded();
        d.add(
                new RecordDecoder()
                        .decode(
                                new RawRecord(
                                        "stream/shard-0/seq-1",
                                        io.trailwatch.model.RawKind.UNKNOWN,
                                        payload,
                                        null)));
        return d;
    }

    static byte[] resource(String name) {
        try (InputStream in = Decoded.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    List<String> deadLetterReasons() {
        List<String> reasons = new ArrayList<>();
        deadLetters.forEach(d -> reasons.add(d.reason));
        return reasons;
    }

    /** Keeps a batch's entries, which the decoder's next record replaces. */
    private void add(DecodedBatch batch) {
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.kind(i)) {
                case CLOUDTRAIL:
                    events.add(batch.cloudTrail(i));
                    break;
                case FLOW:
                    flows.add(batch.flow(i));
                    break;
                case SKIPPED:
                    skipped.merge(batch.skipped(i), 1, Integer::sum);
                    break;
                default:
                    deadLetters.add(batch.deadLetter(i));
            }
        }
    }
}
