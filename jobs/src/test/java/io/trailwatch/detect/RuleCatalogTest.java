package io.trailwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.PatternSettings;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.detect.rules.StatelessRules;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.ThresholdRules;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
    private static final Path RULES_MD = Path.of("..", "docs", "RULES.md");

    @Test
    void docsRulesMdIsGeneratedFromTheCatalog() throws Exception {
        String expected = RuleCatalogFormat.markdown(RuleCatalog.all());
        String actual = Files.readString(RULES_MD, StandardCharsets.UTF_8);

        assertThat(actual)
                .as(
                        "docs/RULES.md is out of date: regenerate it with"
                                + " `java -jar jobs/target/trailwatch.jar rules --format markdown > docs/RULES.md`")
                .isEqualTo(expected);
    }

    @Test
    void everyStatelessRuleIsInTheCatalogOnce() {
        List<String> ids =
                StatelessRules.all().stream().map(r -> r.info().id()).collect(Collectors.toList());

        assertThat(ids).doesNotHaveDuplicates();
        for (StatelessRule rule : StatelessRules.all()) {
            assertThat(RuleCatalog.byId(rule.info().id())).isSameAs(rule.info());
        }
    }

    @Test
    void catalogHoldsTheStatelessIdsOfTheDesign() {
        Set<String> ids = RuleCatalog.all().stream().map(RuleInfo::id).collect(Collectors.toSet());

        assertThat(ids)
                .contains(
                        "TW-LOG-01",
                        "TW-LOG-02",
                        "TW-LOG-03",
                        "TW-LOG-04",
                        "TW-LOG-05",
                        "TW-IAM-01",
                        "TW-IAM-02",
                        "TW-IAM-03",
                        "TW-IAM-04",
                        "TW-IAM-05",
                        "TW-IAM-06",
                        "TW-IAM-07",
                        "TW-NET-01",
                        "TW-NET-02",
                        "TW-NET-03",
                        "TW-NET-04",
                        "TW-NET-05",
                        "TW-NET-06",
                        "TW-DATA-01",
                        "TW-DATA-02",
                        "TW-DATA-03",
                        "TW-DATA-04",
                        "TW-DATA-05",
                        "TW-KMS-01",
                        "TW-KMS-02",
                        "TW-CMP-01",
                        "TW-CMP-02",
                        "TW-ORG-01",
                        "TW-OWN-01");
        for (RuleInfo r : RuleCatalog.all()) {
            assertThat(r.remediation()).as(r.id()).isNotBlank();
            assertThat(r.severityNote()).as(r.id()).isNotBlank();
            assertThat(r.evidence()).as(r.id()).isNotEmpty();
        }
    }

    @Test
    void catalogHoldsTheWindowedIdsOfTheDesignAndEveryDetectorIsInIt() {
        Set<String> ids = RuleCatalog.all().stream().map(RuleInfo::id).collect(Collectors.toSet());

        assertThat(ids)
                .contains(
                        "TW-AUTH-01",
                        "TW-AUTH-02",
                        "TW-RECON-01",
                        "TW-RECON-02",
                        "TW-CRED-01",
                        "TW-EXFIL-01",
                        "TW-EXFIL-02",
                        "TW-NETSCAN-01",
                        "TW-NETSCAN-02",
                        "TW-CORR-01");
        for (ThresholdRule rule : ThresholdRules.all(new PatternSettings())) {
            assertThat(RuleCatalog.byId(rule.info().id())).isSameAs(rule.info());
            assertThat(ids).contains(rule.input().ruleId());
        }
        assertThat(ids).containsAll(new PatternSettings().all().keySet());
    }

    @Test
    void matrixShowsWhatEachTeamAnswersForAndAccountsWithoutOwner() throws Exception {
        String matrix =
                ResponsibilityMatrix.markdown(
                        OwnershipTableParser.parse(
                                "match,team,environment,contact,trusted_cidrs\n"
                                        + "111122223333,payments,prod,#payments,\n"
                                        + "s3://acme-exports,payments-data,prod,#data,\n"
                                        + "sg-0c3f5a7b9d1e24680,platform-network,staging,#net,\n"
                                        + "arn:aws:iam::999900001111:role/vendor,vendor-ops,prod,vendor@example.com,\n",
                                "owners.csv"),
                        RuleCatalog.all());

        assertThat(matrix)
                .contains("| payments-data | prod | #data | s3://acme-exports | data-protection |")
                .contains("| platform-network | staging | #net | sg-0c3f5a7b9d1e24680 | network |")
                .contains(
                        "| vendor-ops | prod | vendor@example.com | arn:aws:iam::999900001111:role/vendor | identity |")
                .contains(
                        "| network | TW-CORR-01, TW-EXFIL-02, TW-NET-01, TW-NET-02, TW-NET-03, TW-NET-04,"
                                + " TW-NET-05, TW-NET-06, TW-NETSCAN-01, TW-NETSCAN-02 |")
                .contains("no row owns the account itself: 999900001111.");
    }
}
