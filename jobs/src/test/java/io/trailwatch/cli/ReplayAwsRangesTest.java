package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.model.CloudTrailRecord;
import io.trailwatch.ownership.AwsRangesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --aws-ranges}: an EC2 instance role's credentials used from an address inside AWS
 * are TW-CRED-02 unless the organization holds the address; outside AWS they stay TW-CRED-01.
 */
class ReplayAwsRangesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";
    private static final String INSTANCE = "i-0a1b2c3d4e5f67890";

    @TempDir Path dir;

    /**
     * The day's CloudTrail, one record per line: the organization allocates an Elastic IP,
     * associates another by address and launches an instance whose response holds its public
     * address; the instance's role then calls AWS from each of those, from an EC2 address nothing
     * taught, from an address of the table's own network, and from outside AWS.
     */
    private Path trail() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(
                ec2("AllocateAddress", "2026-10-14T10:00:00Z", "e-allocate")
                        .request("{\"domain\":\"vpc\"}")
                        .response(
                                "{\"requestId\":\"5ad61c33-3f10-4bd9-a1a6-2f0d9f3c1a7e\",\"publicIp\":\"52.210.14.7\","
                                        + "\"domain\":\"vpc\",\"allocationId\":\"eipalloc-0c5e2a7f9d1b34680\","
                                        + "\"publicIpv4Pool\":\"amazon\",\"networkBorderGroup\":\"eu-west-1\"}")
                        .json());
        lines.add(
                ec2("AssociateAddress", "2026-10-14T10:00:30Z", "e-associate")
                        .request(
                                "{\"publicIp\":\"34.245.77.10\",\"instanceId\":\""
                                        + INSTANCE
                                        + "\",\"allowReassociation\":false}")
                        .response(
                                "{\"requestId\":\"0f6f6a3e-8c1e-4f55-9d57-2a3d0f2b1c11\",\"_return\":true,"
                                        + "\"associationId\":\"eipassoc-0b7d2e4f6a8c13579\"}")
                        .json());
        lines.add(
                ec2("RunInstances", "2026-10-14T10:01:00Z", "e-launch")
                        .response(
                                "{\"requestId\":\"e0f0c8a1-5b6d-4c2e-9f3a-7d8b9c0e1f2a\",\"reservationId\":\"r-0d1e2f3a4b5c6d7e8\","
                                        + "\"ownerId\":\"111122223333\",\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0f1e2d3c4b5a69788\","
                                        + "\"privateIpAddress\":\"10.20.1.37\",\"ipAddress\":\"52.212.40.3\"}]}}")
                        .json());
        String[][] calls = {
            {"52.210.14.7", "10:05:00"},
            {"34.245.77.10", "10:05:10"},
            {"52.212.40.3", "10:05:20"},
            {"34.244.7.1", "10:05:30"},
            {"34.241.2.9", "10:06:00"},
            {"198.51.100.77", "10:07:00"}
        };
        for (String[] c : calls) {
            lines.add(
                    CloudTrailRecord.call(ACCOUNT, "s3.amazonaws.com", "ListBuckets")
                            .readOnly()
                            .instanceRole("payments-web-role", INSTANCE, "1.0")
                            .from(c[0])
                            .at("2026-10-14T" + c[1] + "Z", "e-call-" + c[0])
                            .json());
        }
        return Files.write(dir.resolve("trail.jsonl"), lines);
    }

    private static CloudTrailRecord ec2(String name, String time, String id) {
        return CloudTrailRecord.call(ACCOUNT, "ec2.amazonaws.com", name)
                .iamUser("platform-deployer")
                .at(time, id);
    }

    private Path ownership() throws Exception {
        return Files.writeString(
                dir.resolve("ownership.csv"),
                "match,team,environment,contact,trusted_cidrs\n"
                        + ACCOUNT
                        + ",payments,prod,#payments-alerts,\n"
                        + "34.244.0.0/16,payments,prod,#payments-alerts,\n");
    }

    private Path ranges() throws Exception {
        return Files.writeString(dir.resolve("ip-ranges.json"), AwsRangesFiles.text());
    }

    /**
     * "RULE SEVERITY address" of each alert on instance credentials (the tests turn de-duplication
     * off: the alerts are of one instance, which it would fold).
     */
    private static List<String> credentialAlerts(Path alerts) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(alerts)) {
            JsonNode a = JSON.readTree(line);
            if (a.get("ruleId").asText().startsWith("TW-CRED-")) {
                String address = a.at("/evidence/fields/sourceIPAddress").asText();
                out.add(
                        a.get("ruleId").asText()
                                + " "
                                + a.get("severity").asText()
                                + " "
                                + address);
            }
        }
        return out;
    }

    @Test
    void awsAddressesAreCred02UnlessTheOrganizationHoldsThemAndOthersStayCred01() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--ownership",
                        ownership().toString(),
                        "--aws-ranges",
                        ranges().toString(),
                        "--dedup-window",
                        "0",
                        "--out",
                        alerts.toString(),
                        trail().toString());

        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(credentialAlerts(alerts))
                .containsExactlyInAnyOrder(
                        "TW-CRED-02 MEDIUM 34.241.2.9", "TW-CRED-01 HIGH 198.51.100.77");
        assertThat(r.stderr()).doesNotContain("--aws-ranges");
        JsonNode cred02 =
                Files.readAllLines(alerts).stream()
                        .map(ReplayAwsRangesTest::tree)
                        .filter(a -> a.get("ruleId").asText().equals("TW-CRED-02"))
                        .findFirst()
                        .orElseThrow();
        assertThat(cred02.get("owner").get("team").asText()).isEqualTo("payments");
        assertThat(cred02.get("resource").asText()).isEqualTo(INSTANCE);
        assertThat(cred02.at("/evidence/eventIds/0").asText()).isEqualTo("e-call-34.241.2.9");
    }

    @Test
    void withoutRangesEveryPublicAddressIsCred01AsBeforeAndTheReplaySaysSo() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--ownership",
                        ownership().toString(),
                        "--dedup-window",
                        "0",
                        "--out",
                        alerts.toString(),
                        trail().toString());

        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(credentialAlerts(alerts))
                .containsExactlyInAnyOrder(
                        "TW-CRED-01 HIGH 52.210.14.7",
                        "TW-CRED-01 HIGH 34.245.77.10",
                        "TW-CRED-01 HIGH 52.212.40.3",
                        "TW-CRED-01 HIGH 34.244.7.1",
                        "TW-CRED-01 HIGH 34.241.2.9",
                        "TW-CRED-01 HIGH 198.51.100.77");
        assertThat(r.stderrLines())
                .contains(
                        "trailwatch: no --aws-ranges file given: TW-CRED-01 counts every public"
                                + " address as outside AWS (AWS publishes its ranges at"
                                + " https://ip-ranges.amazonaws.com/ip-ranges.json)");
    }

    @Test
    void aBrokenRangesFileIsExit2NamingTheFileAndTheProblem() throws Exception {
        Path broken =
                Files.writeString(
                        dir.resolve("ip-ranges.json"),
                        AwsRangesFiles.text().replace("\"34.240.0.0/13\"", "\"34.240.0.0/33\""));

        CliRun r =
                CliRun.of(
                        "replay",
                        "--aws-ranges",
                        broken.toString(),
                        "--out",
                        dir.resolve("alerts.jsonl").toString(),
                        trail().toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderrLines())
                .containsExactly(
                        "trailwatch: --aws-ranges "
                                + broken
                                + ": prefixes[3].ip_prefix: '34.240.0.0/33' is not an IPv4 CIDR");
        assertThat(dir.resolve("alerts.jsonl")).doesNotExist();
    }

    @Test
    void aMissingRangesFileIsExit2() throws Exception {
        Path missing = dir.resolve("nope.json");

        CliRun r = CliRun.of("replay", "--aws-ranges", missing.toString(), trail().toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.stderrLines())
                .containsExactly(
                        "trailwatch: cannot read AWS ranges "
                                + missing
                                + ": no such readable file");
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
