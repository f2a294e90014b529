package io.trailwatch.cli;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.sigma.RuleFileException;
import io.trailwatch.detect.sigma.RuleFileReader;
import io.trailwatch.detect.sigma.RuleProblem;
import io.trailwatch.detect.sigma.RuleTestFile;
import io.trailwatch.detect.sigma.RuleTestResult;
import io.trailwatch.detect.sigma.RuleTestRunner;
import io.trailwatch.detect.sigma.SigmaRuleSet;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code trailwatch test PATH...}: runs the test cases kept next to rule files ({@code
 * NAME.tests.yml} for {@code NAME.yml}, see {@link RuleTestFile}) against the rules as the job
 * would compile them.
 */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description =
                "Runs the test cases of Sigma rule files: for NAME.yml, the cases in NAME.tests.yml."
                        + " PATH is a rule file or a directory searched recursively, as for --rules."
                        + " Prints each case (PASS or FAIL and why), each rule or correlation without a"
                        + " case that expects it to match (MISSING), and each rule file or tests file"
                        + " that cannot be loaded. Exit status 0 only when every case passed, every rule"
                        + " has such a case and everything loaded; 1 otherwise; 2 for bad usage.")
public final class TestCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description =
                    "Rule files or directories of them (a tests file stands for its rule file).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        Set<Path> rulePaths = new LinkedHashSet<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println("trailwatch: no such file or directory: " + p);
                return TrailwatchCli.EXIT_USAGE;
            }
            rulePaths.add(ruleFileOf(p));
        }
        RuleFileReader.Result read = RuleFileReader.read(List.copyOf(rulePaths));
        SigmaRuleSet set = SigmaRuleSet.compile(read.files(), RuleRegistry.builtIn());
        List<RuleProblem> problems = RuleSetReport.problems(read.problems(), set);
        RuleTestRunner runner = new RuleTestRunner(read.files(), set);
        List<RuleTestResult> results = new ArrayList<>();
        for (RuleFile f : read.files()) {
            RuleTestFile tests = null;
            Path testsPath = Path.of(RuleTestFile.siblingOf(f.name()));
            if (Files.exists(testsPath)) {
                try {
                    tests = RuleTestFile.parse(testsPath.toString(), text(testsPath));
                } catch (RuleFileException e) {
                    problems.add(new RuleProblem(testsPath.toString(), e.line(), null, e.reason()));
                    continue;
                }
            }
            results.addAll(runner.run(f, tests));
        }
        System.out.print(RuleTestReport.of(results, problems, set.warnings()));
        boolean ok =
                problems.isEmpty()
                        && results.stream().allMatch(r -> r.status() == RuleTestResult.Status.PASS);
        return ok ? 0 : 1;
    }

    /** A tests file given as a path stands for its rule file. */
    private static Path ruleFileOf(Path p) {
        String name = p.toString();
        if (Files.isDirectory(p) || !RuleTestFile.isTestsFile(name)) {
            return p;
        }
        String stem = name.substring(0, name.toLowerCase(Locale.ROOT).lastIndexOf(".tests."));
        Path yaml = Path.of(stem + ".yaml");
        return Files.exists(yaml) ? yaml : Path.of(stem + ".yml");
    }

    private static String text(Path p) throws RuleFileException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RuleFileException(0, "not UTF-8 text");
        } catch (IOException e) {
            throw new RuleFileException(0, "cannot read: " + e.getMessage());
        }
    }
}
