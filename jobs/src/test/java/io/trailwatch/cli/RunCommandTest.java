package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trailwatch run} refuses a bad configuration before starting anything: one message, exit 2.
 */
class RunCommandTest {
    @TempDir Path dir;

    @Test
    void missingPropertiesFile() {
        String[] r = run("run", "--properties", dir.resolve("nope.json").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("nope.json").contains("no such readable file");
    }

    @Test
    void invalidSettingsAreListedTogether() throws Exception {
        Path props = dir.resolve("app.properties");
        Files.writeString(
                props,
                "Input.region=eu-west-1\nInput.cloudtrail.stream=ct\nDetection.idleness=soon\n");
        String[] r = run("run", "--properties", props.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1])
                .contains("Detection.idleness 'soon' is not a duration")
                .contains("Ownership.table.location is required");
    }

    @Test
    void brokenOwnershipTableStopsTheStartNamingLineAndColumn() throws Exception {
        Path table = dir.resolve("ownership.csv");
        Files.writeString(table, "match,team\nnot-an-account,payments\n");
        Path props = dir.resolve("app.properties");
        Files.writeString(
                props,
                "Input.region=eu-west-1\nInput.cloudtrail.stream=ct\nOwnership.table.location="
                        + table
                        + "\n");
        String[] r = run("run", "--properties", props.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("Ownership.table.location").contains("line 2, column 'match'");
    }

    @Test
    void awsRangesThatCannotBeReadOrParsedStopTheStartNamingTheProblem() throws Exception {
        Path table = dir.resolve("ownership.csv");
        Files.writeString(table, "match,team\n111122223333,payments\n");
        Path ranges = dir.resolve("ip-ranges.json");
        Files.writeString(
                ranges,
                "{\"syncToken\":\"1791964384\",\"createDate\":\"2026-10-13-21-53-04\","
                        + "\"prefixes\":[{\"ip_prefix\":\"0.0.0.0/0\",\"region\":\"GLOBAL\","
                        + "\"service\":\"AMAZON\"}]}");
        Path props = dir.resolve("app.properties");
        String base =
                "Input.region=eu-west-1\nInput.cloudtrail.stream=ct\nOwnership.table.location="
                        + table
                        + "\nAwsRanges.location=";
        Files.writeString(props, base + ranges + "\n");
        String[] broken = run("run", "--properties", props.toString());
        assertThat(broken[0]).isEqualTo("2");
        assertThat(broken[1])
                .contains(
                        "AwsRanges.location: "
                                + ranges
                                + ": prefixes[0].ip_prefix: '0.0.0.0/0' is broader than /8");

        Files.writeString(props, base + dir.resolve("gone.json") + "\n");
        String[] missing = run("run", "--properties", props.toString());
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[1])
                .contains("AwsRanges.location: cannot read AWS's ranges: ")
                .contains("gone.json");
    }

    @Test
    void aTrustedRangeBroaderThanTheSettingAllowsStopsTheStart() throws Exception {
        Path table = dir.resolve("ownership.csv");
        Files.writeString(table, "match,team,trusted_cidrs\n111122223333,payments,10.16.0.0/12\n");
        Path props = dir.resolve("app.properties");
        Files.writeString(
                props,
                "Input.region=eu-west-1\nInput.cloudtrail.stream=ct\nOwnership.table.location="
                        + table
                        + "\nOwnership.trusted-cidrs.min-prefix=/16,/48\n");
        String[] r = run("run", "--properties", props.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1])
                .contains("Ownership.table.location")
                .contains("line 2, column 'trusted_cidrs': '10.16.0.0/12' is broader than /16");
    }

    @Test
    void aBadDeliveryGroupStopsTheStartWithoutRepeatingTheWebhook() throws Exception {
        Path props = dir.resolve("app.properties");
        Files.writeString(
                props,
                String.join(
                        "\n",
                        "Input.cloudtrail.stream=ct",
                        "Ownership.table.location=/tmp/ownership.csv",
                        "Delivery.slack.webhook.default=hooks.slack.com/services/T0/B0/s3cr3t",
                        "Delivery.slack.webhook.#payments=https://hooks.slack.com/services/T0/B1/s3cr3t%zz",
                        "Delivery.sns.format=chatbot",
                        "Delivery.sns.default-topic-arn=alerts"));
        String[] r = run("run", "--properties", props.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1])
                .contains("Delivery.slack.webhook.default is neither an http(s) URL")
                .contains(
                        "Delivery.slack.webhook.#payments is not a valid URL: malformed escape"
                                + " pair at character 46 of https://hooks.slack.com/…")
                .contains("Delivery.sns.default-topic-arn 'alerts' is not an SNS topic ARN")
                .doesNotContain("s3cr3t");
    }

    private static String[] run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = TrailwatchCli.run(args);
            return new String[] {String.valueOf(status), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(original);
        }
    }
}
