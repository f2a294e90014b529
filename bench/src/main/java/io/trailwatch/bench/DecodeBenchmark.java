package io.trailwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding, per envelope, against the cost of reading the input at all: a Jackson streaming token
 * scan of the same CloudTrail bytes, and a plain byte scan splitting the same flow lines into
 * fields. Scores are records per second (each invocation handles {@link BenchInputs#RECORDS}
 * records).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class DecodeBenchmark {
    private static final JsonFactory JSON = new JsonFactory();

    private RecordDecoder decoder;
    private RawRecord cloudTrailLogFile;
    private byte[] cloudTrailBytes;
    private RawRecord[] eventBridgeLines;
    private RawRecord[] cloudWatchPayloads;
    private RawRecord[] flowV2;
    private RawRecord[] flowV5;
    private byte[] flowV2Body;
    private byte[] flowV5Body;

    @Setup
    public void setUp() {
        BenchInputs inputs = BenchInputs.generate();
        decoder = new RecordDecoder();
        cloudTrailBytes = inputs.cloudTrailLogFile();
        cloudTrailLogFile = new RawRecord("bench", RawKind.JSON, cloudTrailBytes, null);
        eventBridgeLines = raw(inputs.eventBridgeLines(), RawKind.JSON);
        cloudWatchPayloads = raw(inputs.cloudWatchPayloads(), RawKind.UNKNOWN);
        flowV2 = inputs.flowRecords(false);
        flowV5 = inputs.flowRecords(true);
        flowV2Body = inputs.flowFileBody(false);
        flowV5Body = inputs.flowFileBody(true);
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void cloudTrailLogFile(Blackhole bh) {
        BlackholeBatch.consume(decoder.decode(cloudTrailLogFile), bh);
    }

    /**
     * The limit for CloudTrail decoding: Jackson reading every token of the same bytes, building
     * nothing.
     */
    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public long cloudTrailJacksonTokenScan() throws IOException {
        long tokens = 0;
        try (JsonParser p = JSON.createParser(cloudTrailBytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                tokens += t.id();
            }
        }
        return tokens;
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void eventBridgeLines(Blackhole bh) {
        for (RawRecord r : eventBridgeLines) {
            BlackholeBatch.consume(decoder.decode(r), bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void cloudWatchGzipPayloads(Blackhole bh) {
        for (RawRecord r : cloudWatchPayloads) {
            BlackholeBatch.consume(decoder.decode(r), bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void flowDefaultV2(Blackhole bh) {
        for (RawRecord r : flowV2) {
            BlackholeBatch.consume(decoder.decode(r), bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void flowCustomV5(Blackhole bh) {
        for (RawRecord r : flowV5) {
            BlackholeBatch.consume(decoder.decode(r), bh);
        }
    }

    /** The limit for flow decoding: one pass over the bytes finding line and field boundaries. */
    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public long flowV2ByteSplit() {
        return split(flowV2Body);
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public long flowV5ByteSplit() {
        return split(flowV5Body);
    }

    private static long split(byte[] body) {
        long fields = 0;
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == ' ' || b == '\n') {
                fields += i - start;
                start = i + 1;
            }
        }
        return fields;
    }

    private static RawRecord[] raw(List<byte[]> payloads, RawKind kind) {
        return payloads.stream()
                .map(p -> new RawRecord("bench", kind, p, null))
                .toArray(RawRecord[]::new);
    }
}
