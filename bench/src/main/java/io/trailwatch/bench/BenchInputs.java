package io.trailwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.generate.LogGenerator;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Benchmark inputs: the same realistic records the load generator writes, repackaged as exactly
 * {@link #RECORDS} records per envelope, so that every benchmark's score is records per second.
 */
final class BenchInputs {
    static final int RECORDS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> cloudTrailRecords = new ArrayList<>();
    final List<String> flowV2Lines = new ArrayList<>();
    final List<String> flowV5Lines = new ArrayList<>();
    final String flowV5Header;

    private BenchInputs(Path dir) throws IOException {
        LogGenerator.Result ignored = new LogGenerator(dir, 20_000, 7).generate();
        String header = null;
        for (Path file : files(dir.resolve("logs"))) {
            String name = file.getFileName().toString();
            String text = new String(read(file), StandardCharsets.UTF_8);
            if (name.endsWith(".json.gz") && cloudTrailRecords.size() < RECORDS) {
                JSON.readTree(text)
                        .get("Records")
                        .forEach(
                                r -> {
                                    if (cloudTrailRecords.size() < RECORDS) {
                                        cloudTrailRecords.add(r);
                                    }
                                });
            } else if (name.endsWith(".log.gz")) {
                String[] lines = text.split("\n");
                header = lines[0];
                for (int i = 1; i < lines.length && flowV5Lines.size() < RECORDS; i++) {
                    flowV5Lines.add(lines[i]);
                }
            } else if (name.endsWith(".log")) {
                for (String line : text.split("\n")) {
                    if (flowV2Lines.size() < RECORDS) {
                        flowV2Lines.add(line);
                    }
                }
            }
        }
        if (cloudTrailRecords.size() < RECORDS
                || flowV5Lines.size() < RECORDS
                || flowV2Lines.size() < RECORDS) {
            throw new IllegalStateException(
                    "generated input too small for " + RECORDS + " records of each kind");
        }
        this.flowV5Header = header;
    }

    static BenchInputs generate() {
        try {
            Path dir = Files.createTempDirectory("trailwatch-bench");
            BenchInputs inputs = new BenchInputs(dir);
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CloudTrail log file: {@code {"Records":[…]}}. */
    byte[] cloudTrailLogFile() {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode records = doc.putArray("Records");
        cloudTrailRecords.forEach(records::add);
        return bytes(doc.toString());
    }

    /** One EventBridge envelope per line. */
    List<byte[]> eventBridgeLines() {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode r : cloudTrailRecords) {
            ObjectNode env = JSON.createObjectNode();
            env.put("version", "0");
            env.put("id", r.get("eventID").asText());
            env.put("detail-type", "AWS API Call via CloudTrail");
            env.put("source", "aws." + r.get("eventSource").asText().replace(".amazonaws.com", ""));
            env.put("account", r.get("recipientAccountId").asText());
            env.put("time", r.get("eventTime").asText());
            env.put("region", "eu-west-1");
            env.putArray("resources");
            env.set("detail", r);
            out.add(bytes(env.toString()));
        }
        return out;
    }

    /**
     * CloudWatch Logs subscription payloads of 100 events each, gzip, as Kinesis records carry
     * them.
     */
    List<byte[]> cloudWatchPayloads() {
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from < RECORDS; from += 100) {
            ObjectNode p = JSON.createObjectNode();
            p.put("messageType", "DATA_MESSAGE");
            p.put("owner", "100000000001");
            p.put("logGroup", "aws-cloudtrail-logs");
            p.put("logStream", "100000000001_CloudTrail_eu-west-1");
            p.putArray("subscriptionFilters").add("trailwatch");
            ArrayNode events = p.putArray("logEvents");
            for (JsonNode r : cloudTrailRecords.subList(from, from + 100)) {
                events.addObject()
                        .put("id", r.get("eventID").asText())
                        .put("timestamp", 0)
                        .put("message", r.toString());
            }
            out.add(gzip(bytes(p.toString())));
        }
        return out;
    }

    /**
     * The flow lines of one format as the file source hands them to the decoder: runs of up to
     * 1,000 lines (LogFileScanner's run size), the file's header alongside.
     */
    RawRecord[] flowRecords(boolean custom) {
        List<String> lines = custom ? flowV5Lines : flowV2Lines;
        List<RawRecord> runs = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += 1000) {
            List<String> run = lines.subList(from, Math.min(lines.size(), from + 1000));
            RawRecord r =
                    new RawRecord(
                            "bench",
                            RawKind.FLOW_LINES,
                            bytes(run.stream().collect(Collectors.joining("\n", "", "\n"))),
                            custom ? flowV5Header : null);
            r.firstLine = from + 1;
            runs.add(r);
        }
        return runs.toArray(RawRecord[]::new);
    }

    /** The same flow lines as one file body, for the byte-split limit. */
    byte[] flowFileBody(boolean custom) {
        return bytes(
                (custom ? flowV5Lines : flowV2Lines)
                        .stream().collect(Collectors.joining("\n", "", "\n")));
    }

    /** Decoded events, for ownership and rule benchmarks. */
    List<CloudTrailEvent> decodedEvents() {
        List<CloudTrailEvent> out = new ArrayList<>();
        DecodedBatch decoded =
                new RecordDecoder()
                        .decode(new RawRecord("bench", RawKind.JSON, cloudTrailLogFile(), null));
        for (int i = 0; i < decoded.size(); i++) {
            if (decodedAs(decoded, i, DecodedBatch.Kind.CLOUDTRAIL)) {
                out.add(decoded.cloudTrail(i));
            }
        }
        return out;
    }

    List<FlowRecord> decodedFlows() {
        List<FlowRecord> out = new ArrayList<>();
        RecordDecoder decoder = new RecordDecoder();
        for (RawRecord r : flowRecords(true)) {
            DecodedBatch decoded = decoder.decode(r);
            for (int i = 0; i < decoded.size(); i++) {
                if (decodedAs(decoded, i, DecodedBatch.Kind.FLOW)) {
                    out.add(decoded.flow(i));
                }
            }
        }
        return out;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] raw = in.readAllBytes();
            if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                    return gz.readAllBytes();
                }
            }
            return raw;
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether entry {@code i} is of the kind wanted (not a skip); a dead letter fails. */
    private static boolean decodedAs(DecodedBatch decoded, int i, DecodedBatch.Kind wanted) {
        if (decoded.kind(i) == DecodedBatch.Kind.DEAD_LETTER) {
            throw new IllegalStateException(
                    "benchmark input does not decode: " + decoded.deadLetter(i));
        }
        return decoded.kind(i) == wanted;
    }
}
