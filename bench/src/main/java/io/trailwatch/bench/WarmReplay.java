package io.trailwatch.bench;

import io.trailwatch.cli.TrailwatchCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The replay benchmark in a warm JVM: {@code trailwatch replay} of a warm-up input first, then of
 * the measured input, in one process. A fresh replay process spends its first minute compiling (the
 * JIT compiler took a fifth of the CPU of the "steady" part of a 12M replay); a job that has run
 * for a few minutes has done that, and its cost per record is what a KPU-hour buys. The measured
 * replay prints its usual summary; the warm-up's only shows in one line.
 *
 * <p>Usage: {@code WarmReplay WARM_UP_INPUT INPUT PARALLELISM STATE_BACKEND}, where each input is a
 * directory made by {@code trailwatch generate} (its {@code logs/} and {@code ownership.csv}).
 */
public final class WarmReplay {
    private WarmReplay() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs both replays; returns the exit status (the measured replay's, unless one failed). */
    static int run(String... args) {
        PrintStream err = System.err;
        if (args.length != 4) {
            err.println(
                    "usage: WarmReplay WARM_UP_INPUT INPUT PARALLELISM STATE_BACKEND"
                            + " (inputs as trailwatch generate writes them)");
            return TrailwatchCli.EXIT_USAGE;
        }
        Path warmUp = Path.of(args[0]);
        Path measured = Path.of(args[1]);
        for (Path input : new Path[] {warmUp, measured}) {
            if (!Files.isDirectory(input.resolve("logs"))
                    || !Files.isRegularFile(input.resolve("ownership.csv"))) {
                err.println(
                        "WarmReplay: "
                                + input
                                + " has no logs/ and ownership.csv (make it with trailwatch generate)");
                return TrailwatchCli.EXIT_USAGE;
            }
        }
        long start = System.nanoTime();
        int warmStatus;
        // The warm-up's summary and progress would read like the measurement's: they are shown
        // only when the warm-up fails, to say why.
        ByteArrayOutputStream warmOutput = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warmOutput, true, StandardCharsets.UTF_8));
        try {
            warmStatus = TrailwatchCli.run(replay(warmUp, args[2], args[3]));
        } finally {
            System.setErr(err);
        }
        if (warmStatus != 0) {
            err.print(warmOutput.toString(StandardCharsets.UTF_8));
            err.println("WarmReplay: the warm-up replay of " + warmUp + " failed: " + warmStatus);
            return warmStatus;
        }
        err.printf(
                "WarmReplay: warm-up replay of %s took %.1f s; the measured replay follows%n",
                warmUp, (System.nanoTime() - start) / 1e9);
        return TrailwatchCli.run(replay(measured, args[2], args[3]));
    }

    private static String[] replay(Path input, String parallelism, String backend) {
        return new String[] {
            "replay",
            "--parallelism",
            parallelism,
            "--state-backend",
            backend,
            "--ownership",
            input.resolve("ownership.csv").toString(),
            "--out",
            "/dev/null",
            input.resolve("logs").toString()
        };
    }
}
