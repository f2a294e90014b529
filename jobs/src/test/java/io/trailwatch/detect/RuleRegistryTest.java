package io.trailwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.detect.catalog.ResponsibilityMatrix;
import io.trailwatch.detect.catalog.RuleCatalogFormat;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.detect.windowed.ThresholdRule;
import io.trailwatch.detect.windowed.WindowedRule;
import io.trailwatch.ownership.OwnershipTableParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {
    private static final Path RULES_MD = Path.of("..", "docs", "RULES.md");
    private static final Path MAIN_CODE = Path.of("src", "main", "java");
    private static final Path SHIPPED_RULES = Path.of("src", "main", "resources", "rules");
    private static final RuleRegistry REGISTRY = RuleRegistry.builtIn();

    @Test
    void docsRulesMdIsGeneratedFromTheCatalog() throws Exception {
        String expected = RuleCatalogFormat.markdown(REGISTRY);
        String actual = Files.readString(RULES_MD, StandardCharsets.UTF_8);

        assertThat(actual)
                .as(
                        "docs/RULES.md is out of date: regenerate it with"
                                + " `java -jar jobs/target/trailwatch.jar rules --format markdown > docs/RULES.md`")
                .isEqualTo(expected);
    }

    @Test
    void everyStatelessRuleIsInTheCatalogOnce() {
        List<StatelessRule> rules = REGISTRY.rules(StatelessRule.class);
        List<String> ids = rules.stream().map(r -> r.info().id()).collect(Collectors.toList());

        assertThat(ids).hasSize(79).doesNotHaveDuplicates();
        for (StatelessRule rule : rules) {
            assertThat(REGISTRY.byId(rule.info().id())).isSameAs(rule.info());
            assertThat(rule.info().kind()).isEqualTo(RuleKind.STATELESS);
            assertThat(rule.eventNames()).as(rule.info().id()).isNotEmpty();
        }
    }

    /**
     * Code names a rule through its declaration, never by a literal: each id is declared once
     * ({@code RuleInfo.rule("TW-...", ...)}, or {@code id: TW-...} in a shipped rule file) and no
     * other string literal of the main code is a rule id (or an id with a suffix, such as a
     * detector's name). Help texts may still show an id in an example.
     */
    @Test
    void aRuleIdIsWrittenOnceInTheMainCode() throws Exception {
        Pattern declaration = Pattern.compile("RuleInfo\\.rule\\(\\s*\"(TW-[A-Z]+-\\d{2})\"");
        Pattern reference = Pattern.compile("\"TW-[A-Z]+-\\d{2}[^\"\\s]*\"");
        Map<String, List<String>> declared = new TreeMap<>();
        List<String> references = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = withoutComments(Files.readString(file));
                String name = file.getFileName().toString();
                Matcher d = declaration.matcher(code);
                while (d.find()) {
                    declared.computeIfAbsent(d.group(1), k -> new ArrayList<>()).add(name);
                }
                Matcher r = reference.matcher(declaration.matcher(code).replaceAll(""));
                while (r.find()) {
                    references.add(name + ": " + r.group());
                }
            }
        }
        // a shipped rule file declares its id once, as the file's id
        Pattern fileId = Pattern.compile("(?m)^id: (TW-[A-Z]+-\\d{2})$");
        try (Stream<Path> files = Files.walk(SHIPPED_RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                Matcher d = fileId.matcher(Files.readString(file));
                while (d.find()) {
                    declared.computeIfAbsent(d.group(1), k -> new ArrayList<>())
                            .add(file.getFileName().toString());
                }
            }
        }

        assertThat(declared.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        REGISTRY.catalog().stream().map(RuleInfo::id).toList());
        assertThat(declared).allSatisfy((rule, where) -> assertThat(where).as(rule).hasSize(1));
        assertThat(references).isEmpty();
    }

    @Test
    void aRuleAddedAtStartIsAnOrdinaryEntry() {
        RuleInfo extra =
                RuleInfo.rule("TW-TEST-01", "A rule made at start")
                        .severity(io.trailwatch.model.Severity.LOW, "LOW")
                        .responsibility(io.trailwatch.model.Responsibility.GOVERNANCE)
                        .remediation("None.");
        RuleRegistry more = REGISTRY.with(List.of(() -> extra));

        assertThat(more.byId("TW-TEST-01")).isSameAs(extra);
        assertThat(more.catalog()).hasSize(REGISTRY.catalog().size() + 1);
        assertThat(REGISTRY.contains("TW-TEST-01")).isFalse();
        assertThatThrownBy(() -> more.with(List.of(() -> extra)))
                .hasMessageContaining("registered twice: TW-TEST-01");
    }

    /** Block and line comments out; string literals stay (a rule id in a comment is prose). */
    private static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    @Test
    void catalogHoldsTheStatelessIdsOfTheDesign() {
        Set<String> ids = REGISTRY.catalog().stream().map(RuleInfo::id).collect(Collectors.toSet());

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
        for (RuleInfo r : REGISTRY.catalog()) {
            assertThat(r.remediation()).as(r.id()).isNotBlank();
            assertThat(r.severityNote()).as(r.id()).isNotBlank();
            assertThat(r.evidence()).as(r.id()).isNotEmpty();
        }
    }

    @Test
    void catalogHoldsTheWindowedIdsOfTheDesignAndEveryDetectorIsInIt() {
        Set<String> ids = REGISTRY.catalog().stream().map(RuleInfo::id).collect(Collectors.toSet());

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
        for (WindowedRule declared : REGISTRY.rules(WindowedRule.class)) {
            assertThat(REGISTRY.byId(declared.info().id())).isSameAs(declared.info());
            List<ThresholdRule> detectors = declared.detectors(declared.info().defaultSettings());
            assertThat(detectors).as(declared.info().id()).isNotEmpty();
            for (ThresholdRule rule : detectors) {
                assertThat(rule.info()).isSameAs(declared.info());
                assertThat(declared.info().signals()).contains(rule.input());
            }
        }
        assertThat(ids).containsAll(REGISTRY.defaultSettings().keySet());
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
                        REGISTRY.catalog());

        assertThat(matrix)
                .contains("| payments-data | prod | #data | s3://acme-exports | data-protection |")
                .contains("| platform-network | staging | #net | sg-0c3f5a7b9d1e24680 | network |")
                .contains(
                        "| vendor-ops | prod | vendor@example.com | arn:aws:iam::999900001111:role/vendor | identity |")
                .contains(
                        "| network | TW-CORR-01, TW-EXFIL-02, TW-EXFIL-04, TW-NET-01, TW-NET-02, TW-NET-03,"
                                + " TW-NET-04, TW-NET-05, TW-NET-06, TW-NET-07, TW-NETSCAN-01, TW-NETSCAN-02 |")
                .contains("no row owns the account itself: 999900001111.");
    }
}
