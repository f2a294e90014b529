package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The first event time of every input kind, by which a replay orders its files. */
class FirstEventTimeTest {
    private static final long T = Instant.parse("2026-10-14T10:05:12Z").toEpochMilli();

    @Test
    void cloudTrailLogFilesAndEventBridgeLines() throws Exception {
        assertThat(
                        FirstEventTime.of(
                                gzip("{\"Records\":[{\"eventTime\":\"2026-10-14T10:05:12Z\"}]}")))
                .isEqualTo(T);
        assertThat(
                        FirstEventTime.of(
                                plain(
                                        "{\"detail-type\":\"AWS API Call via CloudTrail\",\"time\":\"x\","
                                                + "\"detail\":{\"eventTime\" : \"2026-10-14T10:05:12Z\"}}\n")))
                .isEqualTo(T);
    }

    @Test
    void cloudWatchLogsPayloadsByTheirLogEventTimestamp() throws Exception {
        String cloudTrailInside =
                "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":"
                        + T
                        + ",\"message\":\"{\\\"eventTime\\\":\\\"2026-10-14T10:05:12Z\\\"}\"}]}";
        String flowsInside =
                "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"id\":\"1\",\"timestamp\": "
                        + T
                        + ",\"message\":\"2 1 eni-1 a b 1 2 6 1 40 1791973563 1791973586 ACCEPT OK\"}]}";

        assertThat(FirstEventTime.of(gzip(cloudTrailInside))).isEqualTo(T);
        assertThat(FirstEventTime.of(gzip(flowsInside))).isEqualTo(T);
    }

    @Test
    void flowLogsByTheirFirstStart() throws Exception {
        assertThat(
                        FirstEventTime.of(
                                plain(
                                        "2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1791973563 1791973586 ACCEPT OK\n")))
                .isEqualTo(1791973563000L);
    }

    @Test
    void flowLogsWithoutAHeaderByTheFirstStartOfTheFormatTheyAreReadIn() throws Exception {
        String declared = "5 198.51.100.7 10.0.0.5 40000 22 6 1791973563 1791973586 REJECT OK\n";

        assertThat(
                        FirstEventTime.of(
                                new ByteArrayInputStream(
                                        Decoded.resource("flow/headerless-tgw-default.log"))))
                .isEqualTo(1760437560_000L);
        assertThat(
                        FirstEventTime.of(
                                plain(declared),
                                FlowLogFormat.parseHeader(
                                        "version srcaddr dstaddr srcport dstport protocol start end"
                                                + " action log-status")))
                .isEqualTo(1791973563000L);
        assertThat(FirstEventTime.of(plain(declared))).isEqualTo(Long.MAX_VALUE);
    }

    private static ByteArrayInputStream plain(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ByteArrayInputStream gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
