package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.testing.CutGzip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of damaged inputs, each beside (and where the damage allows, around) valid risky
 * records: every replay ends with exit 0, no stack trace and no hang; every valid risky record
 * alerts; the decoded records are exactly the valid ones the case wrote; and the summary's balance
 * holds.
 */
class DamagedCorpusReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIME = "2026-10-14T10:00:00Z";

    @TempDir Path dir;

    /**
     * One damaged input: its files, the risky record ids that must alert, the records to decode.
     */
    record Case(String name, Map<String, byte[]> files, Set<String> mustAlert, int decoded) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();

        // Cut gzip: JSON lines, a log file, flow lines, a pretty-printed log file.
        {
            StringBuilder lines = new StringBuilder();
            for (int i = 1; i <= 1195; i++) {
                lines.append(i == 1190 ? stopLogging("inside-cut-lines") : harmless(i))
                        .append('\n');
            }
            byte[] gz = gzip(lines.toString());
            byte[] cut = Arrays.copyOf(gz, gz.length - 30);
            cases.add(
                    damaged(
                            "gzip cut in JSON lines",
                            "cut.jsonl.gz",
                            cut,
                            Set.of("inside-cut-lines"),
                            CutGzip.completeLines(cut)));
        }
        {
            StringBuilder doc = new StringBuilder("{\"Records\":[");
            doc.append(stopLogging("inside-cut-log-file"));
            for (int i = 1; i < 300; i++) {
                doc.append(',').append(harmless(i));
            }
            doc.append("]}");
            byte[] gz = gzip(doc.toString());
            byte[] cut = Arrays.copyOf(gz, gz.length / 2);
            String readable = CutGzip.readable(cut);
            int complete = readable.contains(stopLogging("inside-cut-log-file")) ? 1 : 0;
            while (readable.contains(harmless(complete))) {
                complete++;
            }
            cases.add(
                    damaged(
                            "gzip cut in a log file",
                            "cut-log.json.gz",
                            cut,
                            Set.of("inside-cut-log-file"),
                            complete));
        }
        {
            StringBuilder flows = new StringBuilder(FLOW_HEADER + "\n");
            for (int i = 0; i < 3000; i++) {
                flows.append(i == 2000 ? exfiltration() : flow(i)).append('\n');
            }
            byte[] gz = gzip(flows.toString());
            byte[] cut = Arrays.copyOf(gz, gz.length - 30);
            cases.add(
                    damaged(
                            "gzip cut in flow lines",
                            "cut-flows.log.gz",
                            cut,
                            Set.of("eni-0exfil000000001"),
                            CutGzip.completeLines(cut) - 1));
        }
        {
            String pretty =
                    "{\n  \"Records\": [\n"
                            + stopLogging("inside-cut-pretty")
                            + ",\n"
                            + harmless(1)
                            + ",\n"
                            + harmless(2)
                            + "\n  ]\n}\n";
            byte[] gz = gzip(pretty);
            byte[] cut = Arrays.copyOf(gz, gz.length - 8);
            cases.add(
                    damaged(
                            "gzip cut at the end of a pretty-printed log file",
                            "pretty.json.gz",
                            cut,
                            Set.of("inside-cut-pretty"),
                            3));
        }
        // A valid line, then a gzip bomb of newlines past the 1 GiB expansion limit.
        cases.add(
                damaged(
                        "valid line before a gzip bomb",
                        "bomb.jsonl.gz",
                        newlineBomb(stopLogging("inside-bomb")),
                        Set.of("inside-bomb"),
                        1));
        // Corrupt gzip after complete lines.
        {
            StringBuilder lines = new StringBuilder(stopLogging("inside-corrupt") + "\n");
            for (int i = 1; i < 2000; i++) {
                lines.append(harmless(i)).append('\n');
            }
            byte[] gz = gzip(lines.toString());
            byte[] corrupt = gz.clone();
            for (int i = gz.length - 200; i < gz.length - 150; i++) {
                corrupt[i] ^= 0x5a;
            }
            cases.add(
                    damaged(
                            "corrupt gzip after complete lines",
                            "corrupt.jsonl.gz",
                            corrupt,
                            Set.of("inside-corrupt"),
                            -1));
        }
        // Impossible times.
        cases.add(
                damaged(
                        "an event time past what milliseconds hold, first in its file",
                        "overflow.jsonl",
                        utf8(
                                withTime(harmless(1), "+1000000000-12-31T23:59:59.999999999Z")
                                        + "\n"
                                        + stopLogging("inside-overflow")
                                        + "\n"),
                        Set.of("inside-overflow"),
                        1));
        cases.add(
                damaged(
                        "years +10000 and -0001",
                        "years.jsonl",
                        utf8(
                                stopLogging("inside-years")
                                        + "\n"
                                        + withTime(harmless(1), "+10000-01-01T00:00:00Z")
                                        + "\n"
                                        + withTime(harmless(2), "-0001-01-01T00:00:00Z")
                                        + "\n"),
                        Set.of("inside-years"),
                        1));
        {
            // one record from 2999 in an early file must not make the burst after it late
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                burst.append(failedLogin(i)).append('\n');
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(
                    "a-early.jsonl",
                    utf8(
                            withTime(harmless(1), "2026-10-14T09:00:00Z")
                                    + "\n"
                                    + withTime(harmless(2), "2999-01-01T00:00:00Z")
                                    + "\n"));
            files.put("b-burst.jsonl", utf8(burst.toString()));
            cases.add(
                    withValid(
                            "a record from 2999 before a login burst", files, Set.of("burst"), 7));
        }
        // JSON past the parser's limits, inside a log file between valid records.
        cases.add(
                logFileAround(
                        "nesting 100,000 levels deep", "[".repeat(100_000) + "]".repeat(100_000)));
        cases.add(logFileAround("a 5,000-digit number", "{\"n\":" + "7".repeat(5000) + "}"));
        cases.add(logFileAround("a 60,000-character key", "{\"" + "k".repeat(60_000) + "\":1}"));
        // Malformed content.
        cases.add(
                damaged(
                        "a broken line among JSON lines",
                        "broken.jsonl",
                        utf8(
                                harmless(1)
                                        + "\n"
                                        + harmless(2).substring(0, 150)
                                        + "\n"
                                        + stopLogging("inside-broken-line")
                                        + "\n"),
                        Set.of("inside-broken-line"),
                        2));
        cases.add(
                damaged(
                        "a 2 MiB line among JSON lines",
                        "long.jsonl",
                        utf8(
                                "{\"x\":\""
                                        + "a".repeat(2 << 20)
                                        + "\"}\n"
                                        + stopLogging("inside-long-line")
                                        + "\n"),
                        Set.of("inside-long-line"),
                        1));
        cases.add(damaged("binary data", "garbage.bin", garbage(), Set.of(), 0));
        cases.add(damaged("an empty file", "empty.json", new byte[0], Set.of(), 0));
        cases.add(damaged("an empty gzip file", "empty.json.gz", gzip(""), Set.of(), 0));
        cases.add(
                damaged(
                        "a plain log file cut short",
                        "cut-plain.json",
                        utf8(
                                "{\"Records\":["
                                        + stopLogging("inside-plain-cut")
                                        + ","
                                        + harmless(1).substring(0, 100)),
                        Set.of("inside-plain-cut"),
                        1));
        cases.add(
                damaged(
                        "Records elements that are not objects, and a field of the wrong type",
                        "types.json",
                        utf8(
                                "{\"Records\":[42,\"text\","
                                        + harmless(1)
                                                .replace(
                                                        "\"eventName\":\"DescribeInstances\"",
                                                        "\"eventName\":7")
                                        + ","
                                        + stopLogging("inside-types")
                                        + "]}"),
                        Set.of("inside-types"),
                        1));
        cases.add(
                damaged(
                        "a top-level array and a scalar",
                        "shapes.jsonl",
                        utf8("[1,2]\n12\n" + stopLogging("inside-shapes") + "\n"),
                        Set.of("inside-shapes"),
                        1));
        cases.add(
                damaged(
                        "NUL bytes and invalid UTF-8 in lines",
                        "bytes.jsonl",
                        concat(
                                utf8(harmless(1).substring(0, 40)),
                                new byte[] {0, 0, (byte) 0xc3, (byte) 0x28, (byte) 0xff},
                                utf8("\n" + stopLogging("inside-bytes") + "\n")),
                        Set.of("inside-bytes"),
                        1));
        cases.add(
                damaged(
                        "a BOM and CRLF line ends (valid)",
                        "bom.jsonl",
                        concat(
                                new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                                utf8(harmless(1) + "\r\n" + stopLogging("inside-bom") + "\r\n")),
                        Set.of("inside-bom"),
                        2));
        cases.add(
                damaged(
                        "an EventBridge event that is not a CloudTrail event",
                        "eventbridge.jsonl",
                        utf8(
                                "{\"version\":\"0\",\"detail-type\":\"EC2 Instance State-change Notification\",\"source\":\"aws.ec2\",\"detail\":{\"state\":\"running\"}}\n"
                                        + "{\"version\":\"0\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.cloudtrail\",\"detail\":"
                                        + stopLogging("inside-eventbridge")
                                        + "}\n"),
                        Set.of("inside-eventbridge"),
                        1));
        // Flow lines no flow log holds, around a valid transfer.
        cases.add(
                damaged(
                        "flow values out of range",
                        "values.log",
                        utf8(
                                FLOW_HEADER
                                        + "\n"
                                        + flow(1).replace(" 443 ", " 99999 ")
                                        + "\n"
                                        + flow(2).replace("10.20.3.14", "999.1.1.1")
                                        + "\n"
                                        + flow(3).replace(" OK", " BOGUS")
                                        + "\n"
                                        + flow(4).replace(
                                                        "1791972000 1791972060",
                                                        "1791972060 1791972000")
                                        + "\n"
                                        + flow(5).replace(
                                                        "1791972000 1791972060",
                                                        "99999999999 99999999999")
                                        + "\n"
                                        + exfiltration()
                                        + "\n"
                                        + flow(6).replace(" OK", " NODATA")
                                        + "\n"),
                        Set.of("eni-0exfil000000001"),
                        1));
        cases.add(
                damaged(
                        "a flow header that names bytes twice",
                        "twice.log",
                        utf8(
                                FLOW_HEADER.replace("log-status", "bytes")
                                        + "\n"
                                        + exfiltration().replace(" OK", " 1")
                                        + "\n"),
                        Set.of(),
                        0));
        // CloudWatch Logs subscription payloads: a control message, and data with a risky record.
        cases.add(
                damaged(
                        "CloudWatch Logs control and data messages",
                        "cwl.json.gz",
                        gzip(
                                "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\",\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1791972000000,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.\"}]}"
                                        + "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\",\"logGroup\":\"aws-cloudtrail-logs\",\"logStream\":\"111122223333_CloudTrail_us-east-1\",\"subscriptionFilters\":[\"trailwatch\"],\"logEvents\":[{\"id\":\"1\",\"timestamp\":1791972000000,\"message\":"
                                        + JSON.valueToTree(stopLogging("inside-cwl")).toString()
                                        + "}]}"),
                        Set.of("inside-cwl"),
                        1));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void replaysWithoutLosingAValidRecord(Case c) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        for (Map.Entry<String, byte[]> f : c.files.entrySet()) {
            Files.write(logs.resolve(f.getKey()), f.getValue());
        }
        Path alerts = dir.resolve("alerts.jsonl");
        Path dead = dir.resolve("dead.jsonl");

        CliRun r =
                CliRun.of(
                        "replay",
                        "--out",
                        alerts.toString(),
                        "--dead-letters",
                        dead.toString(),
                        logs.toString());

        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(alertedIds(alerts)).as(r.stderr()).containsAll(c.mustAlert);
        Matcher balance =
                Pattern.compile(
                                "records seen +([0-9,]+) = ([0-9,]+) decoded \\+ ([0-9,]+) dead letters \\+ ([0-9,]+) skipped")
                        .matcher(r.stderr());
        assertThat(balance.find()).as(r.stderr()).isTrue();
        long seen = number(balance.group(1));
        long decoded = number(balance.group(2));
        long deadLetters = number(balance.group(3));
        long skipped = number(balance.group(4));
        assertThat(seen).isEqualTo(decoded + deadLetters + skipped);
        assertThat(Files.readAllLines(dead)).hasSize((int) deadLetters);
        if (c.decoded >= 0) {
            // the case's valid records, and the risky record beside every case
            assertThat(decoded).as(r.stderr()).isEqualTo(c.decoded + 1L);
        }
    }

    // --- records ---

    private static final String FLOW_HEADER =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private static String stopLogging(String id) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLEOPS000001\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/ops\",\"accountId\":\"111122223333\",\"userName\":\"ops\"},"
                + "\"eventTime\":\""
                + TIME
                + "\",\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"198.51.100.7\",\"userAgent\":\"aws-cli/2.15.0\","
                + "\"requestParameters\":{\"name\":\"arn:aws:cloudtrail:us-east-1:111122223333:trail/"
                + id
                + "\"},\"responseElements\":null,\"requestID\":\"req-"
                + id
                + "\",\"eventID\":\""
                + id
                + "\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
    }

    private static String harmless(int i) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:app\","
                + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/app/app\",\"accountId\":\"111122223333\"},"
                + "\"eventTime\":\""
                + TIME
                + "\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"10.0.1.5\",\"userAgent\":\"aws-sdk-java/2.25\",\"requestParameters\":null,"
                + "\"responseElements\":null,\"requestID\":\"req-h"
                + i
                + "\",\"eventID\":\"harmless-"
                + i
                + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
    }

    private static String failedLogin(int i) {
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLEVICTIM01\","
                + "\"arn\":\"arn:aws:iam::111122223333:user/victim\",\"accountId\":\"111122223333\",\"userName\":\"victim\"},"
                + "\"eventTime\":\"2026-10-14T10:0"
                + i
                + ":00Z\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\","
                + "\"sourceIPAddress\":\"203.0.113.66\",\"userAgent\":\"Mozilla/5.0\",\"errorMessage\":\"Failed authentication\","
                + "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
                + "\"additionalEventData\":{\"MFAUsed\":\"No\"},\"eventID\":\"burst"
                + (i == 0 ? "" : "-" + i)
                + "\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}";
    }

    private static String withTime(String record, String time) {
        return record.replace(TIME, time);
    }

    /** An ordinary flow record (2026-10-14T09:20Z). */
    private static String flow(int i) {
        return "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 10.20.9.9 "
                + (40000 + i % 20000)
                + " 443 6 12 1500 1791972000 1791972060 ACCEPT OK";
    }

    /** 2 GiB from one interface to a public address: TW-EXFIL-02. */
    private static String exfiltration() {
        return "2 111122223333 eni-0exfil000000001 10.20.3.15 198.51.100.200 49152 443 6 1500000 2147483648 1791972000 1791972060 ACCEPT OK";
    }

    // --- files ---

    private static Case damaged(
            String name, String file, byte[] content, Set<String> mustAlert, int decoded) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(file, content);
        return withValid(name, files, mustAlert, decoded);
    }

    /** Adds the valid risky record beside the damaged files. */
    private static Case withValid(
            String name, Map<String, byte[]> files, Set<String> mustAlert, int decoded) {
        String id = "beside-" + name.replaceAll("[^a-z0-9]+", "-");
        files.put("z-valid.json", utf8("{\"Records\":[" + stopLogging(id) + "]}"));
        Set<String> all = new TreeSet<>(mustAlert);
        all.add(id);
        return new Case(name, files, all, decoded);
    }

    private static Case logFileAround(String name, String requestParameters) {
        String id = "inside-" + name.replaceAll("[^a-z0-9]+", "-");
        String doc =
                "{\"Records\":["
                        + harmless(1)
                        + ","
                        + harmless(2)
                                .replace(
                                        "\"requestParameters\":null",
                                        "\"requestParameters\":" + requestParameters)
                        + ","
                        + stopLogging(id)
                        + "]}";
        return damaged(name, "limits.json", utf8(doc), Set.of(id), 2);
    }

    private static byte[] newlineBomb(String firstLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(utf8(firstLine + "\n"));
            byte[] newlines = new byte[1 << 20];
            Arrays.fill(newlines, (byte) '\n');
            for (int i = 0; i < 1100; i++) {
                gz.write(newlines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] garbage() {
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        b[0] = 0;
        return b;
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(utf8(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    /** The event ids and interfaces named in the alerts' evidence. */
    private static Set<String> alertedIds(Path alerts) throws IOException {
        Set<String> ids = new TreeSet<>();
        if (!Files.exists(alerts)) {
            return ids;
        }
        for (String line : Files.readAllLines(alerts)) {
            JsonNode alert = JSON.readTree(line);
            alert.path("evidence").path("eventIds").forEach(id -> ids.add(id.asText()));
            alert.path("evidence").path("fields").forEach(v -> ids.add(v.asText()));
            ids.add(alert.path("resource").asText());
        }
        return ids;
    }
}
