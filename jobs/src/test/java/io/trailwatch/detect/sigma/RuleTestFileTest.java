package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.model.OwnerAttribute;
import org.junit.jupiter.api.Test;

class RuleTestFileTest {
    @Test
    void readsACaseWithOwnerEventsAndFlows() throws RuleFileException {
        RuleTestFile f =
                RuleTestFile.parse(
                        "x.tests.yml",
                        """
                        cases:
                          - name: both kinds
                            rule: probe-and-login
                            expect: no  match
                            owner: {team: web, environment: prod, cost-centre: '4711', trusted_cidrs: [203.0.113.0/24]}
                            events:
                              - {eventVersion: 1.10, readOnly: false, requestParameters: null}
                            flow-format: version srcaddr
                            flows: ["5 203.0.113.7"]
                        """);

        RuleTestCase c = f.cases().get(0);
        assertThat(c.name()).isEqualTo("both kinds");
        assertThat(c.rule()).isEqualTo("probe-and-login");
        assertThat(c.expectMatch()).isFalse();
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.owner().team).isEqualTo("web");
        assertThat(c.owner().environment).isEqualTo("prod");
        assertThat(c.owner().trustedCidrs).containsExactly("203.0.113.0/24");
        assertThat(c.owner().attributes).containsExactly(new OwnerAttribute("cost-centre", "4711"));
        assertThat(c.records())
                .containsExactly(
                        new RuleTestCase.Input(
                                RuleTestCase.Kind.CLOUDTRAIL,
                                "{\"eventVersion\":1.10,\"readOnly\":false,\"requestParameters\":null}",
                                null,
                                7),
                        new RuleTestCase.Input(
                                RuleTestCase.Kind.FLOW, "5 203.0.113.7", "version srcaddr", 9));
    }

    @Test
    void withoutOwnerTheRecordsAreUnowned() throws RuleFileException {
        RuleTestFile f =
                RuleTestFile.parse(
                        "x.tests.yml", "cases:\n  - {name: a, expect: match, flow: '2 x'}\n");

        assertThat(f.cases().get(0).owner().isUnowned()).isTrue();
        assertThat(f.cases().get(0).rule()).isNull();
    }

    @Test
    void flawsNameTheirLine() {
        assertThatThrownBy(
                        () ->
                                RuleTestFile.parse(
                                        "x.tests.yml",
                                        "cases:\n  - {name: a, expect: match, flow: '2 x'}\n"
                                                + "  - {name: a, expect: match, flow: '2 x'}\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("line 3: case name 'a' appears twice in the file");
        assertThatThrownBy(
                        () ->
                                RuleTestFile.parse(
                                        "x.tests.yml",
                                        "cases:\n  - name: a\n    expect: maybe\n    flow: '2 x'\n"))
                .hasMessage("line 3: case 'a': expect must be 'match' or 'no match'");
        assertThatThrownBy(
                        () ->
                                RuleTestFile.parse(
                                        "x.tests.yml",
                                        "cases:\n  - {name: a, expect: match, flow: '2 x', flows: []}\n"))
                .hasMessageContaining("line 2: case 'a' must give its records");
        assertThatThrownBy(
                        () ->
                                RuleTestFile.parse(
                                        "x.tests.yml",
                                        "cases:\n  - name: a\n    expect: match\n    event: {}\n"
                                                + "    flow-format: version\n"))
                .hasMessage("line 5: flow-format goes with flow or flows");
        assertThatThrownBy(() -> RuleTestFile.parse("x.tests.yml", "tests: []\n"))
                .hasMessage("line 1: 'tests' is not a key of a tests file (it has cases only)");
    }

    @Test
    void aRuleFileHasItsTestsFileNextToIt() {
        assertThat(RuleTestFile.siblingOf("rules/aws/s3.yml")).isEqualTo("rules/aws/s3.tests.yml");
        assertThat(RuleTestFile.siblingOf("rules/aws/s3.yaml"))
                .isEqualTo("rules/aws/s3.tests.yaml");
        assertThat(RuleTestFile.isTestsFile("rules/aws/s3.tests.yml")).isTrue();
        assertThat(RuleTestFile.isTestsFile("rules/aws/s3.yml")).isFalse();
    }
}
