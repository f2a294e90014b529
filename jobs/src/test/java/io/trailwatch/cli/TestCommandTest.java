package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
    private static final String RULE =
            """
            title: Trail stopped
            id: 7c1b9d8f-3a0e-4f5b-8c28-8d9e0f1a2b01
            name: trail-stopped
            logsource:
              product: aws
              service: cloudtrail
            detection:
              selection:
                eventName: StopLogging
              condition: selection
            """;

    private static final String EVENT =
            "{eventVersion: '1.10', userIdentity: {type: IAMUser, principalId: AIDAEXAMPLE,"
                    + " arn: 'arn:aws:iam::111122223333:user/dev-alex', accountId: '111122223333',"
                    + " userName: dev-alex}, eventTime: '2026-11-20T09:15:00Z',"
                    + " eventSource: cloudtrail.amazonaws.com, eventName: %s,"
                    + " awsRegion: eu-west-1, sourceIPAddress: 198.51.100.24, userAgent: aws-cli/2.15.30,"
                    + " requestParameters: {name: management-events}, responseElements: null,"
                    + " requestID: 1d2e3f40-aaaa-bbbb-cccc-000000000001,"
                    + " eventID: 1d2e3f40-aaaa-bbbb-cccc-000000000002, readOnly: false,"
                    + " eventType: AwsApiCall, managementEvent: true,"
                    + " recipientAccountId: '111122223333', eventCategory: Management}";

    @TempDir Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int status = TrailwatchCli.run(args);
            return new Run(
                    status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static String testCase(String name, String expect, String eventName) {
        return "  - name: "
                + name
                + "\n    expect: "
                + expect
                + "\n    event: "
                + String.format(EVENT, eventName)
                + "\n";
    }

    @Test
    void passesWhenEveryCasePassesAndEveryRuleHasAPositiveCase() throws IOException {
        write("trail.yml", RULE);
        write(
                "trail.tests.yml",
                "cases:\n"
                        + testCase("stopped", "match", "StopLogging")
                        + testCase("started", "no match", "StartLogging"));

        Run r = run("test", dir.toString());

        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("trail-stopped", "stopped", "PASS")
                .contains(
                        "2 cases: 2 passed, 0 failed; 0 rules without a positive case; 0 not loaded");
    }

    @Test
    void aTestsFileGivenAsPathStandsForItsRuleFile() throws IOException {
        write("trail.yml", RULE);
        write("trail.tests.yml", "cases:\n" + testCase("stopped", "match", "StopLogging"));
        write("other.yml", RULE.replace("7c1b9d8f", "8d2c0e9a").replace("trail-stopped", "other"));

        Run r = run("test", dir.resolve("trail.tests.yml").toString());

        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).contains("1 cases: 1 passed").doesNotContain("other");
    }

    @Test
    void aFailingCaseGivesExitOneAndItsReason() throws IOException {
        write("trail.yml", RULE);
        write(
                "trail.tests.yml",
                "cases:\n"
                        + testCase("stopped", "match", "StopLogging")
                        + testCase("wrongly expected", "match", "StartLogging"));

        Run r = run("test", dir.resolve("trail.yml").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern(
                        "wrongly expected +match +no match +FAIL: none of the 1 records matches")
                .contains("2 cases: 1 passed, 1 failed");
    }

    @Test
    void aRecordTheDecoderRefusesFailsWithTheDecodersReason() throws IOException {
        write("trail.yml", RULE);
        write(
                "trail.tests.yml",
                "cases:\n"
                        + testCase("stopped", "match", "StopLogging")
                        + "  - name: no event time\n    expect: no match\n"
                        + "    event: {eventVersion: '1.10', eventSource: cloudtrail.amazonaws.com,"
                        + " eventName: StopLogging}\n");

        Run r = run("test", dir.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern(
                        "no event time .*FAIL: event 1 \\(line 7\\) does not decode:"
                                + " invalid-cloudtrail-record: missing required field\\(s\\): eventTime");
    }

    @Test
    void aRuleWithoutPositiveCaseIsMissing() throws IOException {
        write("trail.yml", RULE);
        write("trail.tests.yml", "cases:\n" + testCase("started", "no match", "StartLogging"));

        Run r = run("test", dir.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("trail-stopped +MISSING: no case expects it to match")
                .contains("1 cases: 1 passed, 0 failed; 1 rules without a positive case");
    }

    @Test
    void aRuleFileWithoutTestsHasEveryRuleMissing() throws IOException {
        write("trail.yml", RULE);

        Run r = run("test", dir.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("trail-stopped", "MISSING");
    }

    @Test
    void anUnloadableRuleFileGivesExitOneWithFileLineAndReason() throws IOException {
        write("trail.yml", RULE);
        write("trail.tests.yml", "cases:\n" + testCase("stopped", "match", "StopLogging"));
        write(
                "broken.yml",
                RULE.replace("7c1b9d8f", "8d2c0e9a")
                        .replace("trail-stopped", "other")
                        .replace("condition: selection", "condition: selection and nothing"));

        Run r = run("test", dir.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .contains("Not loaded: 1")
                .containsPattern(
                        "broken\\.yml:10: Trail stopped: the condition names 'nothing', which the detection does not define")
                .contains(
                        "1 cases: 1 passed, 0 failed; 0 rules without a positive case; 1 not loaded");
    }

    @Test
    void aBrokenTestsFileIsNotLoaded() throws IOException {
        write("trail.yml", RULE);
        write(
                "trail.tests.yml",
                "cases:\n  - name: stopped\n    expected: match\n    event: {eventName: StopLogging}\n");

        Run r = run("test", dir.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("trail\\.tests\\.yml:3: 'expected' is not a key of a case");
    }

    @Test
    void aCaseNamingNoRuleOfTheFileFails() throws IOException {
        write("trail.yml", RULE);
        write(
                "trail.tests.yml",
                "cases:\n"
                        + testCase("stopped", "match", "StopLogging")
                        + testCase("other", "match", "StopLogging")
                                .replace("    expect", "    rule: nope\n    expect"));

        Run r = run("test", dir.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL: no rule or correlation of ", " has id or name nope");
    }

    @Test
    void usageErrorsGiveExitTwo() {
        assertThat(run("test").status()).isEqualTo(TrailwatchCli.EXIT_USAGE);
        Run missing = run("test", dir.resolve("absent.yml").toString());
        assertThat(missing.status()).isEqualTo(TrailwatchCli.EXIT_USAGE);
        assertThat(missing.err()).contains("no such file or directory", "absent.yml");
    }
}
