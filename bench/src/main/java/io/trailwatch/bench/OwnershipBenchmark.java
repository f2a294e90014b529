package io.trailwatch.bench;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnerResolver;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
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

/** Owner resolution against a 10,000-row ownership table, per event (records per second). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class OwnershipBenchmark {
    static final int ROWS = 10_000;

    private OwnerResolver resolver;
    private List<CloudTrailEvent> events;
    private List<FlowRecord> flows;

    @Setup
    public void setUp() throws OwnershipTableException {
        BenchInputs inputs = BenchInputs.generate();
        events = inputs.decodedEvents();
        flows = inputs.decodedFlows();
        resolver = new OwnerResolver(table());
    }

    /**
     * A table of every kind of row; the generated accounts are among them, as in a real
     * organization.
     */
    static OwnershipTable table() throws OwnershipTableException {
        StringBuilder csv = new StringBuilder("match,team,environment,contact,trusted_cidrs\n");
        for (int i = 1; i <= 4; i++) {
            csv.append("10000000000")
                    .append(i)
                    .append(",team-")
                    .append(i)
                    .append(",prod,#team-")
                    .append(i)
                    .append(",\n");
        }
        int rows = 4;
        while (rows < ROWS) {
            int n = rows;
            String account = String.format("%012d", 200_000_000_000L + n);
            switch (n % 6) {
                case 0:
                    csv.append(account);
                    break;
                case 1:
                    csv.append("arn:aws:iam::").append(account).append(":role/app-").append(n);
                    break;
                case 2:
                    csv.append("arn:aws:s3:::bucket-").append(n).append("-*");
                    break;
                case 3:
                    csv.append("s3://bucket-").append(n);
                    break;
                case 4:
                    int k = n / 6;
                    csv.append("10.")
                            .append(64 + k / 256)
                            .append('.')
                            .append(k % 256)
                            .append(".0/24");
                    break;
                default:
                    csv.append(String.format("sg-%017x", (long) n));
            }
            csv.append(",team-")
                    .append(n % 300)
                    .append(",prod,#team-")
                    .append(n % 300)
                    .append(",\n");
            rows++;
        }
        return OwnershipTableParser.parse(csv.toString(), "bench");
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void cloudTrailEvent(Blackhole bh) {
        for (CloudTrailEvent e : events) {
            bh.consume(resolver.resolve(e));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void flowRecord(Blackhole bh) {
        for (FlowRecord f : flows) {
            bh.consume(resolver.resolve(f));
        }
    }
}
