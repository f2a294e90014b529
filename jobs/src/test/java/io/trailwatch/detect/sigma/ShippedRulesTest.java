package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.rules.StatelessRule;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void shippedRulesAreBuiltInStatelessRulesRunByTheSigmaEngine() {
        List<String> sigma =
                RuleRegistry.builtIn().rules(StatelessRule.class).stream()
                        .filter(r -> r instanceof SigmaCloudTrailRule)
                        .map(r -> r.info().id())
                        .toList();

        assertThat(sigma).hasSize(ShippedRules.files().size()).allMatch(id -> id.startsWith("TW-"));
    }
}
