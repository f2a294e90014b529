package io.trailwatch.bench;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.rules.RuleEngine;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.model.CloudTrailEvent;
import java.util.List;
import java.util.Set;
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

/** The whole stateless catalog over a realistic mix of decoded events (events per second). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class RuleBenchmark {
    private RuleEngine engine;
    private List<CloudTrailEvent> events;

    @Setup
    public void setUp() {
        events = BenchInputs.generate().decodedEvents();
        engine = new RuleEngine(RuleRegistry.builtIn().rules(StatelessRule.class), Set.of());
    }

    @Benchmark
    @OperationsPerInvocation(BenchInputs.RECORDS)
    public void statelessCatalog(Blackhole bh) {
        for (CloudTrailEvent e : events) {
            bh.consume(engine.evaluate(e, account -> true, 0L));
        }
    }
}
