package io.trailwatch.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The command line run in-process, as the tests of its commands use it: exit status, stderr and
 * stdout.
 */
record CliRun(int status, String stderr, String stdout) {
    static CliRun of(String... args) {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int status = TrailwatchCli.run(args);
            return new CliRun(
                    status,
                    err.toString(StandardCharsets.UTF_8),
                    out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
    }

    /** The lines of stderr that hold something. */
    List<String> stderrLines() {
        return stderr.lines().filter(l -> !l.isBlank()).toList();
    }
}
