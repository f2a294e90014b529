package io.trailwatch.cli;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.catalog.ResponsibilityMatrix;
import io.trailwatch.detect.catalog.RuleCatalogFormat;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.file.Path;
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

    @Override
    public Integer call() {
        switch (format) {
            case markdown:
                System.out.print(RuleCatalogFormat.markdown(RuleRegistry.builtIn()));
                return 0;
            case json:
                System.out.print(RuleCatalogFormat.json(RuleRegistry.builtIn()));
                return 0;
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
                System.out.print(RuleCatalogFormat.table(RuleRegistry.builtIn()));
                return 0;
        }
    }
}
