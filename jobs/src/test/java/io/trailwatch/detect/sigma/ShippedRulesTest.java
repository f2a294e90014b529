package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.rules.StatelessRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedRulesTest {
    private static final Path DIRECTORY = Path.of("src", "main", "resources", "rules");

    @Test
    void theListNamesEveryShippedRuleFile() throws Exception {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            onDisk =
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".yml") && !n.endsWith(".tests.yml"))
                            .sorted()
                            .toList();
        }
        List<String> listed =
                ShippedRules.files().stream()
                        .map(RuleFile::name)
                        .map(n -> n.substring(ShippedRules.DIRECTORY.length()))
                        .sorted()
                        .toList();

        assertThat(listed).isNotEmpty().isEqualTo(onDisk);
    }

    /**
     * The shipped files as a user's copies (each takes its shipped rule's place), with their own
     * cases: every case passes and every rule has a positive one.
     */
    @Test
    void everyShippedRulePassesItsOwnCases() throws Exception {
        RuleFileReader.Result read = RuleFileReader.read(List.of(DIRECTORY));
        SigmaRuleSet set = SigmaRuleSet.compile(read.files(), RuleRegistry.builtIn());
        assertThat(read.problems()).isEmpty();
        assertThat(set.problems()).isEmpty();
        assertThat(set.warnings())
                .allSatisfy(w -> assertThat(w.reason()).startsWith("replaces the shipped rule"));

        RuleTestRunner runner = new RuleTestRunner(read.files(), set);
        List<RuleTestResult> results = new ArrayList<>();
        for (RuleFile f : read.files()) {
            Path tests = Path.of(RuleTestFile.siblingOf(f.name()));
            assertThat(tests).as("cases of %s", f.name()).exists();
            List<RuleTestResult> ran =
                    runner.run(f, RuleTestFile.parse(tests.toString(), Files.readString(tests)));
            assertThat(ran)
                    .as(f.name())
                    .anyMatch(r -> r.expected().equals("match"))
                    .anyMatch(r -> r.expected().equals("no match"));
            results.addAll(ran);
        }

        assertThat(results).filteredOn(r -> r.status() != RuleTestResult.Status.PASS).isEmpty();
        assertThat(results).hasSize(380);
    }

    @Test
    void everyShippedFileIsOneBuiltInRuleRunByTheSigmaEngine() {
        List<String> sigma =
                RuleRegistry.builtIn().rules().stream()
                        .filter(
                                r ->
                                        r instanceof SigmaCloudTrailRule
                                                || r instanceof SigmaCorrelationRule)
                        .map(r -> r.info().id())
                        .toList();

        assertThat(sigma).hasSize(ShippedRules.files().size()).allMatch(id -> id.startsWith("TW-"));
        assertThat(RuleRegistry.builtIn().rules(StatelessRule.class))
                .filteredOn(r -> r instanceof SigmaCloudTrailRule)
                .isNotEmpty();
        assertThat(RuleRegistry.builtIn().rules())
                .filteredOn(r -> r instanceof SigmaCorrelationRule)
                .isNotEmpty();
    }
}
