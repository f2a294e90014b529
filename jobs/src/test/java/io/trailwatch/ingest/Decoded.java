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
final class Decoded implements DecodedListener {
    final List<CloudTrailEvent> events = new ArrayList<>();
    final List<FlowRecord> flows = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final Map<SkipKind, Integer> skipped = new EnumMap<>(SkipKind.class);

    /** Scans a file's bytes as the replay source does, then decodes every raw record. */
    static Decoded file(byte[] content) {
        return file(content, DecodeLimits.defaults());
    }

    static Decoded file(byte[] content, DecodeLimits limits) {
        Decoded d = new Decoded();
        RecordDecoder decoder = new RecordDecoder(limits, FlowLogFormat.DEFAULT_V2);
        try (LogFileScanner scanner =
                new LogFileScanner(new ByteArrayInputStream(content), "test-file", limits)) {
            RawRecord r;
            while ((r = scanner.next()) != null) {
                decoder.decode(r, d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** Decodes one payload of unknown shape, as a Kinesis record arrives. */
    static Decoded kinesisRecord(byte[] payload) {
        Decoded d = new Decoded();
        new RecordDecoder()
                .decode(
                        new RawRecord(
                                "stream/shard-0/seq-1",
                                io.trailwatch.model.RawKind.UNKNOWN,
                                payload,
                                null),
                        d);
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

    @Override
    public void cloudTrail(CloudTrailEvent event) {
        events.add(event);
    }

    @Override
    public void flow(FlowRecord record) {
        flows.add(record);
    }

    @Override
    public void skipped(SkipKind kind, String origin) {
        skipped.merge(kind, 1, Integer::sum);
    }

    @Override
    public void deadLetter(String reason, String detail, String origin, String excerpt) {
        deadLetters.add(new DeadLetter(reason, detail, origin, excerpt, 0L));
    }
}
