package io.trailwatch.cli;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.catalog.ResponsibilityMatrix;
import io.trailwatch.detect.catalog.RuleCatalogFormat;
import io.trailwatch.detect.sigma.RuleFileReader;
import io.trailwatch.detect.sigma.RuleProblem;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trailwatch rules}: the rule catalog, or the responsibility matrix for an ownership table.
 */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the rule catalog (ids, severities, shared-responsibility areas, controls, remediation), or with",
            "--format matrix and --ownership FILE, per team, the areas and controls Trailwatch watches for them."
        })
public final class RulesCommand implements Callable<Integer> {
    enum Format {
        table,
        markdown,
        json,
        matrix
    }

    @Option(
            names = "--format",
            defaultValue = "table",
            description = "table, markdown, json or matrix (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--ownership",
            paramLabel = "FILE",
            description = "Ownership table, for --format matrix.")
    Path ownership;

    @Option(
            names = "--rules",
            paramLabel = "PATH",
            description = {
                "Sigma rule files to list with the built-in rules (repeatable): a file, or a directory searched",
                "recursively. Every file or rule that cannot be loaded is listed with its file, line and reason",
                "(exit status 1); rules for logs other than CloudTrail and VPC flow logs are listed as skipped."
            })
    List<Path> rulePaths = new ArrayList<>();

    @Override
    public Integer call() {
        RuleRegistry registry = RuleRegistry.builtIn();
        SigmaRuleSet set = null;
        List<RuleProblem> problems = List.of();
        if (!rulePaths.isEmpty()) {
            RuleFileReader.Result read = RuleFileReader.read(rulePaths);
            set = SigmaRuleSet.compile(read.files(), registry);
            registry = set.registry();
            problems = RuleSetReport.problems(read.problems(), set);
        }
        int status = problems.isEmpty() ? 0 : 1;
        switch (format) {
            case markdown:
                System.out.print(RuleCatalogFormat.markdown(registry));
                return status;
            case json:
                System.out.print(RuleCatalogFormat.json(registry));
                return status;
            case matrix:
                if (ownership == null) {
                    System.err.println("trailwatch: --format matrix needs --ownership FILE");
                    return TrailwatchCli.EXIT_USAGE;
                }
                try {
                    OwnershipTable table = OwnershipTableParser.parse(ownership);
                    System.out.print(
                            ResponsibilityMatrix.markdown(table, RuleRegistry.builtIn().catalog()));
                    return 0;
                } catch (OwnershipTableException e) {
                    System.err.println("trailwatch: " + e.getMessage());
                    return TrailwatchCli.EXIT_USAGE;
                }
            default:
                if (set == null) {
                    System.out.print(RuleCatalogFormat.table(registry));
                } else {
                    System.out.print(LoadedRulesTable.of(set, problems));
                }
                return status;
        }
    }
}
