package io.trailwatch.bench;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.rules.FlowRule;
import io.trailwatch.detect.rules.FlowRuleEngine;
import io.trailwatch.detect.rules.RuleEngine;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.detect.sigma.CorrelationInputs;
import io.trailwatch.detect.sigma.RuleFileReader;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.generate.SigmaRuleGenerator;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-record rule work of the analysis step (stateless rules, flow rules, and the matching that
 * feeds correlations) with the built-in rules alone and with a generated set of Sigma rule files
 * added ({@code trailwatch generate --sigma-rules}: equality, wildcards, regular expressions,
 * address ranges, flow rules, a tenth correlations), over the same decoded CloudTrail events and
 * flow records (records per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class SigmaRuleBenchmark {
    @Param({"0", "200"})
    public int sigmaRules;

    private RuleEngine engine;
    private FlowRuleEngine flowEngine;
    private CorrelationInputs correlations;
    private List<CloudTrailEvent> events;
    private List<FlowRecord> flows;

    @Setup
    public void setUp() {
        BenchInputs inputs = BenchInputs.generate();
        events = inputs.decodedEvents();
        flows = inputs.decodedFlows();
        SigmaRuleSet set = SigmaRuleSet.none(RuleRegistry.builtIn());
        if (sigmaRules > 0) {
            try {
                Path dir = Files.createTempDirectory("trailwatch-bench-rules");
                new SigmaRuleGenerator(42).write(dir, sigmaRules);
                RuleFileReader.Result read = RuleFileReader.read(List.of(dir));
                set = SigmaRuleSet.compile(read.files(), RuleRegistry.builtIn());
                if (!set.problems().isEmpty() || !read.problems().isEmpty()) {
                    throw new IllegalStateException(
                            "generated rules do not load: " + set.problems());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        engine = new RuleEngine(set.registry().rules(StatelessRule.class), Set.of());
        flowEngine = new FlowRuleEngine(set.registry().rules(FlowRule.class), Set.of());
        correlations = set.correlations().inputs(Set.of());
    }

    @Benchmark
    @OperationsPerInvocation(2 * BenchInputs.RECORDS)
    public void rules(Blackhole bh) {
        for (CloudTrailEvent e : events) {
            bh.consume(engine.evaluate(e, account -> true, 0L));
            correlations.extract(e, (kind, signal) -> bh.consume(signal));
        }
        for (FlowRecord f : flows) {
            bh.consume(flowEngine.evaluate(f, 0L));
            correlations.extract(f, (kind, signal) -> bh.consume(signal));
        }
    }
}
