package io.trailwatch.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a realistic, seeded mix of CloudTrail and VPC flow logs in every input format Trailwatch
 * reads, for load tests: CloudTrail S3 log files, EventBridge JSON lines, CloudWatch Logs
 * subscription payloads (as Firehose delivers them), flow logs with a header (custom format) and
 * without (default version 2), plus an ownership table that leaves one account unowned. The same
 * seed gives the same files.
 */
public final class LogGenerator {
    /**
     * Share of CloudTrail records in the mix; flow records make up the rest, as in real volumes.
     */
    static final double CLOUDTRAIL_SHARE = 0.3;

    /** Records per second of event time. */
    static final int RATE = 20;

    static final int PERIOD_SECONDS = 300;

    static final String REGION = "eu-west-1";
    static final String ORG = "o-gen0000001";
    static final String UNOWNED_ACCOUNT = "999988887777";
    static final String[] ACCOUNTS = {
        "100000000001", "100000000002", "100000000003", "100000000004"
    };
    static final String[] TEAMS = {"payments", "platform", "data-engineering", "identity"};
    static final String FLOW_HEADER_V5 =
            "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action"
                    + " log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id"
                    + " sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction"
                    + " traffic-path";

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_PATH =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;
    private final long totalRecords;
    private final Random random;
    private final long startSeconds = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    private final CloudTrailTemplates templates;
    private final FlowTemplates flows;
    private long cloudTrailWritten;
    private long flowWritten;
    private int files;

    public LogGenerator(Path out, long totalRecords, long seed) {
        this.out = out;
        this.totalRecords = totalRecords;
        this.random = new Random(seed);
        this.templates = new CloudTrailTemplates(random);
        this.flows = new FlowTemplates(random);
    }

    /** What was written. */
    public static final class Result {
        public final long cloudTrailRecords;
        public final long flowRecords;
        public final int files;

        Result(long cloudTrailRecords, long flowRecords, int files) {
            this.cloudTrailRecords = cloudTrailRecords;
            this.flowRecords = flowRecords;
            this.files = files;
        }
    }

    public Result generate() throws IOException {
        Files.createDirectories(out);
        writeOwnershipTable();
        long written = 0;
        long period = 0;
        while (written < totalRecords) {
            long budget = Math.min((long) RATE * PERIOD_SECONDS, totalRecords - written);
            long cloudTrail = Math.round(budget * CLOUDTRAIL_SHARE);
            writePeriod(startSeconds + period * PERIOD_SECONDS, cloudTrail, budget - cloudTrail);
            written += budget;
            period++;
        }
        return new Result(cloudTrailWritten, flowWritten, files);
    }

    private void writeOwnershipTable() throws IOException {
        StringBuilder csv =
                new StringBuilder("match,team,environment,contact,trusted_cidrs,cost_center\n");
        for (int i = 0; i < ACCOUNTS.length; i++) {
            csv.append(ACCOUNTS[i])
                    .append(',')
                    .append(TEAMS[i])
                    .append(",prod,#")
                    .append(TEAMS[i])
                    .append("-alerts,203.0.113.")
                    .append(16 * i)
                    .append("/28,CC-")
                    .append(1000 + i)
                    .append('\n');
        }
        Files.writeString(out.resolve("ownership.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    private void writePeriod(long periodStart, long cloudTrail, long flowCount) throws IOException {
        List<List<ObjectNode>> byAccount = new ArrayList<>();
        for (int i = 0; i <= ACCOUNTS.length; i++) {
            byAccount.add(new ArrayList<>());
        }
        for (long i = 0; i < cloudTrail; i++) {
            // The unowned account is a quiet one: about one event in 200.
            int account =
                    random.nextInt(200) == 0 ? ACCOUNTS.length : random.nextInt(ACCOUNTS.length);
            String id = account == ACCOUNTS.length ? UNOWNED_ACCOUNT : ACCOUNTS[account];
            long t = periodStart + random.nextInt(PERIOD_SECONDS);
            byAccount.get(account).add(templates.event(id, REGION, t));
        }
        for (int a = 0; a <= ACCOUNTS.length; a++) {
            List<ObjectNode> events = byAccount.get(a);
            if (events.isEmpty()) {
                continue;
            }
            Collections.shuffle(events, random);
            String account = a == ACCOUNTS.length ? UNOWNED_ACCOUNT : ACCOUNTS[a];
            switch (a) {
                case 2:
                    writeEventBridge(account, periodStart, events);
                    break;
                case 3:
                    writeCloudWatchPayloads(account, periodStart, events);
                    break;
                default:
                    writeCloudTrailFile(account, periodStart, events);
            }
            cloudTrailWritten += events.size();
        }
        writeFlows(periodStart, flowCount);
    }

    private void writeCloudTrailFile(String account, long periodStart, List<ObjectNode> events)
            throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode records = doc.putArray("Records");
        events.forEach(records::add);
        Instant t = Instant.ofEpochSecond(periodStart);
        Path file =
                out.resolve(
                                "logs/AWSLogs/"
                                        + ORG
                                        + "/"
                                        + account
                                        + "/CloudTrail/"
                                        + REGION
                                        + "/"
                                        + DAY_PATH.format(t))
                        .resolve(
                                account
                                        + "_CloudTrail_"
                                        + REGION
                                        + "_"
                                        + FILE_TIME.format(t)
                                        + "_"
                                        + token(16)
                                        + ".json.gz");
        writeGzip(file, JSON.writeValueAsBytes(doc));
    }

    private void writeEventBridge(String account, long periodStart, List<ObjectNode> events)
            throws IOException {
        Instant t = Instant.ofEpochSecond(periodStart);
        Path file =
                out.resolve("logs/eventbridge/" + DAY_PATH.format(t))
                        .resolve("trailwatch-cloudtrail-1-" + FILE_TIME.format(t) + "-" + uuid());
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode e : events) {
                ObjectNode env = JSON.createObjectNode();
                env.put("version", "0");
                env.put("id", uuid());
                boolean signIn = "signin.amazonaws.com".equals(e.path("eventSource").asText());
                env.put(
                        "detail-type",
                        signIn
                                ? "AWS Console Sign In via CloudTrail"
                                : "AWS API Call via CloudTrail");
                String source = e.path("eventSource").asText().replace(".amazonaws.com", "");
                env.put("source", "aws." + source);
                env.put("account", account);
                env.put("time", e.path("eventTime").asText());
                env.put("region", REGION);
                env.putArray("resources");
                env.set("detail", e);
                w.write(JSON.writeValueAsString(env));
                w.write('\n');
            }
        }
        files++;
    }

    /** CloudWatch Logs subscription payloads, gzip, concatenated as Firehose writes them to S3. */
    private void writeCloudWatchPayloads(String account, long periodStart, List<ObjectNode> events)
            throws IOException {
        Instant t = Instant.ofEpochSecond(periodStart);
        Path file =
                out.resolve("logs/cloudwatch-firehose/" + DAY_PATH.format(t))
                        .resolve("trailwatch-cwl-1-" + FILE_TIME.format(t) + "-" + uuid() + ".gz");
        StringBuilder body = new StringBuilder();
        for (int from = 0; from < events.size(); from += 100) {
            ObjectNode payload = JSON.createObjectNode();
            payload.put("messageType", "DATA_MESSAGE");
            payload.put("owner", account);
            payload.put("logGroup", "aws-cloudtrail-logs-" + account);
            payload.put("logStream", account + "_CloudTrail_" + REGION);
            payload.putArray("subscriptionFilters").add("trailwatch");
            ArrayNode logEvents = payload.putArray("logEvents");
            for (ObjectNode e : events.subList(from, Math.min(events.size(), from + 100))) {
                ObjectNode le = logEvents.addObject();
                le.put("id", Long.toString(Math.abs(random.nextLong())));
                le.put("timestamp", Instant.parse(e.path("eventTime").asText()).toEpochMilli());
                le.put("message", JSON.writeValueAsString(e));
            }
            body.append(JSON.writeValueAsString(payload));
        }
        writeGzip(file, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void writeFlows(long periodStart, long count) throws IOException {
        List<List<String>> byAccount = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.length; i++) {
            byAccount.add(new ArrayList<>());
        }
        for (long i = 0; i < count; i++) {
            int a = random.nextInt(ACCOUNTS.length);
            boolean custom = a < 2;
            byAccount
                    .get(a)
                    .add(
                            flows.line(
                                    ACCOUNTS[a],
                                    a,
                                    periodStart + random.nextInt(PERIOD_SECONDS - 60),
                                    custom));
        }
        Instant t = Instant.ofEpochSecond(periodStart);
        for (int a = 0; a < ACCOUNTS.length; a++) {
            List<String> lines = byAccount.get(a);
            if (lines.isEmpty()) {
                continue;
            }
            flowWritten += lines.size();
            String account = ACCOUNTS[a];
            if (a < 2) {
                Path file =
                        out.resolve(
                                        "logs/AWSLogs/"
                                                + account
                                                + "/vpcflowlogs/"
                                                + REGION
                                                + "/"
                                                + DAY_PATH.format(t))
                                .resolve(
                                        account
                                                + "_vpcflowlogs_"
                                                + REGION
                                                + "_fl-0"
                                                + token(16).toLowerCase()
                                                + "_"
                                                + FILE_TIME.format(t)
                                                + "_"
                                                + token(8).toLowerCase()
                                                + ".log.gz");
                writeGzip(
                        file,
                        (FLOW_HEADER_V5 + "\n" + String.join("\n", lines) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
            } else {
                Path file =
                        out.resolve("logs/cloudwatch-export/vpc-flow-logs/" + account)
                                .resolve("flows-" + FILE_TIME.format(t) + ".log");
                Files.createDirectories(file.getParent());
                Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                files++;
            }
        }
    }

    private void writeGzip(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            o.write(content);
        }
        files++;
    }

    private String token(int n) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
