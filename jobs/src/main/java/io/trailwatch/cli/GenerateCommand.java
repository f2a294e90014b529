package io.trailwatch.cli;

import io.trailwatch.generate.LogGenerator;
import io.trailwatch.generate.SigmaRuleGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trailwatch generate}: a realistic, seeded mix of logs in every input format, for load
 * tests.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a seeded mix of CloudTrail (S3 log files, EventBridge JSON lines, CloudWatch Logs payloads) and",
            "VPC flow logs (custom format with header, default format without) to DIR/logs, and DIR/ownership.csv."
        })
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory.")
    Path out;

    @Option(
            names = "--events",
            paramLabel = "N",
            defaultValue = "100000",
            description = "Records in all (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--sigma-rules",
            paramLabel = "N",
            defaultValue = "0",
            description = {
                "Also write N Sigma rule files to DIR/rules, a seeded mix as a team's own rule set has: equality on",
                "rare change APIs, wildcards, regular expressions, address ranges, flow rules and a tenth correlations."
            })
    int sigmaRules;

    @Override
    public Integer call() throws Exception {
        if (sigmaRules < 0) {
            System.err.println("trailwatch: --sigma-rules must not be negative, got " + sigmaRules);
            return TrailwatchCli.EXIT_USAGE;
        }
        if (events < 1) {
            System.err.println("trailwatch: --events must be at least 1, got " + events);
            return TrailwatchCli.EXIT_USAGE;
        }
        LogGenerator.Result r = new LogGenerator(out, events, seed).generate();
        System.err.printf(
                "trailwatch: wrote %,d CloudTrail and %,d flow records in %,d files to %s/logs (ownership table: %s)%n",
                r.cloudTrailRecords, r.flowRecords, r.files, out, out.resolve("ownership.csv"));
        if (sigmaRules > 0) {
            Path dir = out.resolve("rules");
            new SigmaRuleGenerator(seed).write(dir, sigmaRules);
            System.err.printf("trailwatch: wrote %,d Sigma rule files to %s%n", sigmaRules, dir);
        }
        return 0;
    }
}
