package io.trailwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.LogFileScanner;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The parsing limit of a replay input, measured on one core: read and gunzip every file, then
 * Jackson-scan the tokens of JSON files and split flow lines into fields, building nothing. Prints
 * the best time of a pass and, given the input's record count, records per second; the replay
 * benchmark divides the pipeline's per-core throughput by it. Then the decode stage over the same
 * bytes (the file source's scanner and the decoder, building every record), against that limit, in
 * total and per kind of input ({@link InputKind}), each kind's best pass against its own.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.trailwatch.bench.ParseLimit DIR RECORDS [ROUNDS]}
 */
public final class ParseLimit {
    private static final JsonFactory JSON = new JsonFactory();

    private ParseLimit() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long records = Long.parseLong(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        List<byte[]> raw = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (Path f : files) {
            raw.add(Files.readAllBytes(f));
            kinds.add(InputKind.of(dir.relativize(f)));
        }
        PassTimes limitTimes = new PassTimes();
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round <= rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < raw.size(); i++) {
                long fileStart = System.nanoTime();
                sink += scan(gunzip(raw.get(i)));
                limitTimes.add(kinds.get(i), System.nanoTime() - fileStart);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            limitTimes.endPass(round > 0);
            if (round > 0) {
                best = Math.min(best, seconds);
            }
        }
        System.out.printf(
                "parse limit: %,.0f records/s on one core (%,d records, %d files, best pass %.2f s of %d; %d)%n",
                records / best, records, files.size(), best, rounds, sink % 10);

        // The decode stage on the same bytes and core: the file source's scanner (gunzip, runs of
        // lines) and the decoder, building every record; nothing else of the pipeline.
        PassTimes decodeTimes = new PassTimes();
        Map<String, Long> recordsByKind = new TreeMap<>();
        double bestDecode = Double.MAX_VALUE;
        Counting counted = new Counting();
        for (int round = 0; round <= rounds; round++) {
            counted.records = 0;
            long start = System.nanoTime();
            for (int i = 0; i < raw.size(); i++) {
                long before = counted.records;
                long fileStart = System.nanoTime();
                decode(raw.get(i), files.get(i).toString(), counted);
                decodeTimes.add(kinds.get(i), System.nanoTime() - fileStart);
                if (round == 0) {
                    recordsByKind.merge(kinds.get(i), counted.records - before, Long::sum);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            decodeTimes.endPass(round > 0);
            if (round > 0) {
                bestDecode = Math.min(bestDecode, seconds);
            }
        }
        System.out.printf(
                "decode stage: %,.0f records/s on one core (%,d records decoded, best pass %.2f s of %d),"
                        + " %.2fx the parse limit%n",
                counted.records / bestDecode,
                counted.records,
                bestDecode,
                rounds,
                best / bestDecode);
        for (Map.Entry<String, Long> kind : recordsByKind.entrySet()) {
            double limit = limitTimes.best(kind.getKey());
            double decoded = decodeTimes.best(kind.getKey());
            System.out.printf(
                    "  %-28s %,11d records: parse limit %6.2f s, decode %6.2f s, %.2fx%n",
                    kind.getKey(), kind.getValue(), limit, decoded, limit / decoded);
        }
    }

    /** Per kind of input, the time of the pass under way and the best of the passes counted. */
    private static final class PassTimes {
        private final Map<String, Long> current = new HashMap<>();
        private final Map<String, Long> best = new HashMap<>();

        void add(String kind, long nanos) {
            current.merge(kind, nanos, Long::sum);
        }

        void endPass(boolean counted) {
            if (counted) {
                current.forEach((kind, nanos) -> best.merge(kind, nanos, Math::min));
            }
            current.clear();
        }

        double best(String kind) {
            return best.getOrDefault(kind, 0L) / 1e9;
        }
    }

    private static final RecordDecoder DECODER = new RecordDecoder();

    private static void decode(byte[] file, String name, Counting out) throws IOException {
        try (LogFileScanner scanner =
                new LogFileScanner(new ByteArrayInputStream(file), name, DecodeLimits.defaults())) {
            RawRecord r;
            while ((r = scanner.next()) != null) {
                out.add(DECODER.decode(r));
            }
        }
    }

    /** Counts what the decoder makes, keeping a checksum so that nothing is optimised away. */
    private static final class Counting {
        long records;
        long checksum;

        void add(DecodedBatch decoded) {
            records += decoded.size();
            for (int i = 0; i < decoded.size(); i++) {
                switch (decoded.kind(i)) {
                    case CLOUDTRAIL:
                        checksum += decoded.cloudTrail(i).eventTime;
                        break;
                    case FLOW:
                        checksum += decoded.flow(i).eventTime;
                        break;
                    default:
                }
            }
        }
    }

    /** Reads every token or field boundary of one decompressed file; returns a checksum. */
    static long scan(byte[] content) throws IOException {
        int first = 0;
        while (first < content.length && Character.isWhitespace(content[first])) {
            first++;
        }
        long sum = 0;
        if (first < content.length && content[first] == '{') {
            try (JsonParser p = JSON.createParser(content)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    sum += t.id();
                }
            }
            return sum;
        }
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (b == ' ' || b == '\n') {
                sum += i - start;
                start = i + 1;
            }
        }
        return sum;
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        if (data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
            return data;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 64 * 1024)) {
            return in.readAllBytes();
        }
    }
}
