package io.trailwatch.cli;

import io.trailwatch.config.PropertyGroups;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trailwatch}: the command line the README describes. */
@Command(
        name = "trailwatch",
        mixinStandardHelpOptions = true,
        version = "trailwatch 0.1.0",
        description =
                "Streaming security analytics for AWS: CloudTrail and VPC flow logs in, owned alerts out.",
        subcommands = {
            ReplayCommand.class,
            RunCommand.class,
            RulesCommand.class,
            GenerateCommand.class,
            TestCommand.class
        })
public final class TrailwatchCli implements Runnable {
    /** Exit status for bad usage or unreadable input. */
    public static final int EXIT_USAGE = 2;

    /** Exit status when the job failed. */
    public static final int EXIT_JOB_FAILED = 1;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /**
     * Without arguments, as Managed Service for Apache Flink starts the jar, this is {@code run}
     * from the application's runtime properties; it returns normally (or throws) rather than
     * exiting, because it runs inside the service's job manager.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            if (PropertyGroups.fromRuntime().isEmpty()) {
                // Not on the service (it always provides property groups): a person typed this.
                System.err.println(
                        "trailwatch: without arguments the jar runs the streaming job from the runtime"
                                + " properties of Managed Service for Apache Flink, and there are none here;"
                                + " locally use a command (replay, run --properties FILE, generate) or --help");
                System.exit(EXIT_USAGE);
            }
            RunCommand.runManaged();
            return;
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new TrailwatchCli());
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    commandLine.getErr().println("trailwatch: " + e.getMessage());
                    return EXIT_JOB_FAILED;
                });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required (replay, run, rules, generate, test)");
    }
}
