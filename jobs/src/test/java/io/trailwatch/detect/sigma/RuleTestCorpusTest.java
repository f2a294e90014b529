package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus of rule files and their cases: every construct, a positive and a near miss each. */
class RuleTestCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/sigma/corpus");

    @Test
    void everyCaseOfTheCorpusPasses() throws Exception {
        RuleFileReader.Result read = RuleFileReader.read(List.of(CORPUS));
        SigmaRuleSet set = SigmaRuleSet.compile(read.files(), RuleRegistry.builtIn());
        assertThat(read.problems()).isEmpty();
        assertThat(set.problems()).isEmpty();
        assertThat(set.warnings()).isEmpty();
        assertThat(read.files()).hasSize(10);

        RuleTestRunner runner = new RuleTestRunner(read.files(), set);
        List<RuleTestResult> results = new ArrayList<>();
        for (RuleFile f : read.files()) {
            Path tests = Path.of(RuleTestFile.siblingOf(f.name()));
            assertThat(tests).exists();
            results.addAll(
                    runner.run(f, RuleTestFile.parse(tests.toString(), Files.readString(tests))));
        }

        assertThat(results).filteredOn(r -> r.status() != RuleTestResult.Status.PASS).isEmpty();
        assertThat(results).hasSize(129);
        assertThat(results).filteredOn(r -> r.expected().equals("no match")).hasSize(67);
    }

    @Test
    void onlyTheRulesOfCorrelationsWithGenerateTrueAlertOnTheirOwn() {
        RuleFileReader.Result read =
                RuleFileReader.read(List.of(CORPUS.resolve("correlations.yml")));
        SigmaRuleSet set = SigmaRuleSet.compile(read.files(), RuleRegistry.builtIn());

        assertThat(set.rules())
                .extracting(r -> r.detection().meta().name())
                .containsExactly("iam-user-created", "admin-policy-attached");
        assertThat(set.correlations().bases())
                .extracting(d -> d.meta().name())
                .contains("console-login-failed", "ssh-rejected", "trail-changed");
    }
}
