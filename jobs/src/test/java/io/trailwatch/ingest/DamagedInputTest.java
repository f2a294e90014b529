package io.trailwatch.ingest;

import static io.trailwatch.ingest.Decoded.gzip;
import static io.trailwatch.ingest.Decoded.resource;
import static io.trailwatch.ingest.Decoded.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.DeadLetter;
import io.trailwatch.testing.CutGzip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Damage inside a file costs the damaged part only: every complete record before it is decoded, the
 * damage is one dead letter that says where, and values no AWS log can hold (impossible times,
 * ports, addresses, JSON past the parser's limits) are dead letters rather than records.
 */
class DamagedInputTest {
    private static final String LOGIN =
            new String(resource("cloudtrail/console-login.json")).strip();

    /** The console login with another event id and name, as one JSON line. */
    private static String record(int i) {
        return LOGIN.replace("7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2904", "id-" + i);
    }

    private static String recordWithTime(String eventTime) {
        return LOGIN.replace("2026-10-14T10:36:02Z", eventTime);
    }

    @Test
    void truncatedGzipOfJsonLinesDecodesEveryCompleteLine() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 1195; i++) {
            lines.append(record(i)).append('\n');
        }
        byte[] gz = gzip(utf8(lines.toString()));
        byte[] cut = Arrays.copyOf(gz, gz.length - 40);
        int complete = CutGzip.completeLines(cut);

        Decoded d = Decoded.file(cut);

        assertThat(complete).isBetween(1100, 1194);
        assertThat(d.events).hasSize(complete);
        assertThat(d.events.get(complete - 1).eventId).isEqualTo("id-" + complete);
        assertThat(d.deadLetterReasons()).containsExactly("gzip-truncated");
        DeadLetter damage = d.deadLetters.get(0);
        assertThat(damage.origin).isEqualTo("test-file line " + (complete + 1));
        assertThat(damage.detail).contains("after line " + complete);
    }

    @Test
    void truncatedGzipOfFlowLinesDecodesEveryCompleteLine() {
        StringBuilder lines = new StringBuilder(FlowLogFormat.DEFAULT_V2_HEADER + "\n");
        for (int i = 0; i < 2000; i++) {
            lines.append(
                            "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 198.51.100.90 49152 443 6 12 ")
                    .append(1500 + i)
                    .append(" 1760438400 1760438460 ACCEPT OK\n");
        }
        byte[] gz = gzip(utf8(lines.toString()));
        byte[] cut = Arrays.copyOf(gz, gz.length - 20);

        Decoded d = Decoded.file(cut);

        int recordLines = CutGzip.completeLines(cut) - 1; // the header
        assertThat(d.flows).hasSize(recordLines);
        assertThat(d.flows.get(recordLines - 1).bytes).isEqualTo(1500L + recordLines - 1);
        assertThat(d.deadLetterReasons()).containsExactly("gzip-truncated");
    }

    @Test
    void truncatedGzipOfALogFileDecodesTheRecordsBeforeTheCut() {
        StringBuilder doc = new StringBuilder("{\"Records\":[");
        for (int i = 1; i <= 300; i++) {
            doc.append(i > 1 ? "," : "").append(record(i));
        }
        doc.append("]}");
        byte[] gz = gzip(utf8(doc.toString()));
        byte[] cut = Arrays.copyOf(gz, gz.length * 2 / 3);
        String readable = new String(CutGzip.readableBytes(cut), StandardCharsets.UTF_8);
        int completeRecords = 0;
        while (readable.contains(record(completeRecords + 1))) {
            completeRecords++;
        }

        Decoded d = Decoded.file(cut);

        assertThat(d.events).hasSize(completeRecords).hasSizeGreaterThan(100);
        assertThat(d.deadLetterReasons()).containsExactly("gzip-truncated");
        assertThat(d.deadLetters.get(0).detail)
                .contains("(" + completeRecords + " records before it were decoded)");
    }

    @Test
    void aValidLineBeforeAGzipBombOfNewlinesIsDecoded() {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            gz.write(utf8(record(1) + "\n"));
            byte[] newlines = new byte[1 << 20];
            Arrays.fill(newlines, (byte) '\n');
            for (int i = 0; i < 8; i++) {
                gz.write(newlines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DecodeLimits limits = DecodeLimits.defaults();
        limits.maxDecompressedBytes = 4 * DecodeLimits.MIB;

        Decoded d = Decoded.file(bomb.toByteArray(), limits);

        assertThat(d.events).extracting(e -> e.eventId).containsExactly("id-1");
        assertThat(d.deadLetterReasons()).containsExactly("gzip-too-large");
    }

    @Test
    void anEventTimeBeyondWhatMillisecondsHoldIsADeadLetterAndTheNextRecordStillCounts() {
        String lines =
                recordWithTime("+1000000000-12-31T23:59:59.999999999Z") + "\n" + record(2) + "\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.events).extracting(e -> e.eventId).containsExactly("id-2");
        assertThat(d.deadLetterReasons()).containsExactly("event-time-out-of-range");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file line 1");
    }

    @Test
    void eventTimesBefore2000OrAfterTheHorizonAreDeadLetters() {
        String lines =
                String.join(
                        "\n",
                        recordWithTime("+10000-01-01T00:00:00Z"),
                        recordWithTime("-0001-06-01T00:00:00Z"),
                        recordWithTime("1999-12-31T23:59:59Z"),
                        recordWithTime("2999-01-01T00:00:00Z"),
                        recordWithTime("2000-01-01T00:00:00Z"),
                        recordWithTime("2026-10-14T10:36:02Z"));

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.events)
                .extracting(e -> e.eventTime)
                .containsExactly(946_684_800_000L, 1_791_974_162_000L);
        assertThat(d.deadLetterReasons()).containsOnly("event-time-out-of-range").hasSize(4);
        assertThat(d.deadLetters.get(3).detail)
                .contains("2999-01-01T00:00:00Z")
                .contains("the wall clock plus PT24H");
    }

    @Test
    void theHorizonIsMeasuredFromTheWallClock() {
        long now = 1_791_974_162_000L; // 2026-10-14T10:36:02Z
        EventTimeRange range = EventTimeRange.at(now, java.time.Duration.ofHours(6));

        assertThat(range.contains(now + 6 * 3_600_000L)).isTrue();
        assertThat(range.contains(now + 6 * 3_600_000L + 1)).isFalse();
        assertThat(range.contains(EventTimeRange.EARLIEST_MILLIS - 1)).isFalse();
        assertThat(range.containsSeconds(Long.MAX_VALUE / 10)).isFalse();
    }

    @Test
    void flowTimesOutOfRangeAreDeadLettersWithoutOverflow() {
        String lines =
                FlowLogFormat.DEFAULT_V2_HEADER
                        + "\n2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 999999999999999999 999999999999999999 ACCEPT OK"
                        + "\n2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 32503680000 32503680060 ACCEPT OK"
                        + "\n2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1760438400 32503680060 ACCEPT OK"
                        + "\n2 111122223333 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1760438400 1760438460 ACCEPT OK\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.flows).hasSize(1);
        assertThat(d.deadLetterReasons())
                .containsExactly(
                        "event-time-out-of-range",
                        "event-time-out-of-range",
                        "event-time-out-of-range");
        assertThat(d.deadLetters).extracting(l -> l.origin).contains("test-file line 2");
    }

    @Test
    void aFirstRecordBeyondWhatMillisecondsHoldDoesNotPlaceItsFile() {
        String lines =
                recordWithTime("+1000000000-12-31T23:59:59.999999999Z") + "\n" + record(2) + "\n";

        assertThat(FirstEventTime.of(utf8(lines))).isEqualTo(1_791_974_162_000L);
    }

    @Test
    void aRecordNestedPastTheDepthLimitCostsThatRecordOnly() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String bad =
                record(2).replace("\"requestParameters\":null", "\"requestParameters\":" + deep);
        String doc = "{\"Records\":[" + record(1) + "," + bad + ",\n" + record(3) + "]}";

        Decoded d = Decoded.file(utf8(doc));

        assertThat(d.events).extracting(e -> e.eventId).containsExactly("id-1", "id-3");
        assertThat(d.events.get(1).origin).isEqualTo("test-file Records[2]");
        assertThat(d.deadLetterReasons()).containsExactly("json-too-deep");
        DeadLetter letter = d.deadLetters.get(0);
        assertThat(letter.origin).isEqualTo("test-file Records[1]");
        assertThat(letter.detail).contains("at line 1, column").contains("nesting depth");
    }

    @Test
    void aNumberOrANameOverItsLimitCostsThatRecordOnly() {
        String longNumber =
                record(2)
                        .replace(
                                "\"requestParameters\":null",
                                "\"requestParameters\":{\"n\":" + "9".repeat(5000) + "}");
        String longName =
                record(3)
                        .replace(
                                "\"requestParameters\":null",
                                "\"requestParameters\":{\"" + "k".repeat(60_000) + "\":1}");
        String doc =
                "{\"Records\":["
                        + record(1)
                        + ","
                        + longNumber
                        + ","
                        + longName
                        + ","
                        + record(4)
                        + "]}";

        Decoded d = Decoded.file(utf8(doc));

        assertThat(d.events).extracting(e -> e.eventId).containsExactly("id-1", "id-4");
        assertThat(d.deadLetterReasons()).containsExactly("number-too-long", "name-too-long");
        assertThat(d.deadLetters)
                .extracting(l -> l.origin)
                .containsExactly("test-file Records[1]", "test-file Records[2]");
    }

    @Test
    void jsonLinesOverALimitCostTheirLineOnly() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        String lines = record(1) + "\n" + deep + "\n" + record(3) + "\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.events).extracting(e -> e.eventId).containsExactly("id-1", "id-3");
        assertThat(d.deadLetterReasons()).containsExactly("json-too-deep");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file line 2");
    }

    @Test
    void aRecordThatNamesOneOfItsFieldsTwiceIsRefused() {
        String twice =
                record(1)
                        .replace(
                                "\"eventName\":\"ConsoleLogin\"",
                                "\"eventName\":\"ConsoleLogin\",\"eventName\":\"GetCallerIdentity\"");
        String doc = "{\"Records\":[" + twice + "," + record(2) + "]}";

        Decoded d = Decoded.file(utf8(doc));

        assertThat(d.events).extracting(e -> e.eventId).containsExactly("id-2");
        assertThat(d.deadLetterReasons()).containsExactly("duplicate-key");
        assertThat(d.deadLetters.get(0).detail)
                .isEqualTo("key 'eventName' appears twice in the record");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file Records[0]");
    }

    @Test
    void flowValuesNoFlowLogHolds() {
        String header = FlowLogFormat.DEFAULT_V2_HEADER;
        String good =
                "2 111122223333 eni-1 10.0.0.1 203.0.113.9 49152 443 6 10 2000 1760438400 1760438460 ACCEPT OK";
        String lines =
                String.join(
                                "\n",
                                header,
                                good.replace(" 443 ", " 99999 "),
                                good.replace("10.0.0.1", "999.1.1.1"),
                                good.replace("203.0.113.9", "2001:db8::1::2"),
                                good.replace(" OK", " MAYBE"),
                                good.replace("ACCEPT", "ALLOW"),
                                good.replace("1760438400 1760438460", "1760438460 1760438400"),
                                good.replace(" 6 10 ", " 300 10 "),
                                good.replace("203.0.113.9", "2001:db8::1"),
                                good)
                        + "\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.flows)
                .extracting(f -> f.dstAddr)
                .containsExactly("2001:db8::1", "203.0.113.9");
        assertThat(d.deadLetterReasons()).hasSize(7).containsOnly("flow-invalid-value");
        assertThat(d.deadLetters)
                .extracting(l -> l.detail)
                .containsExactly(
                        "dstport 99999 is out of range (at most 65535)",
                        "srcaddr '999.1.1.1' is not an IPv4 or IPv6 address",
                        "dstaddr '2001:db8::1::2' is not an IPv4 or IPv6 address",
                        "log-status 'MAYBE' is not OK, NODATA or SKIPDATA",
                        "action 'ALLOW' is not ACCEPT or REJECT",
                        "end 1760438400 is before start 1760438460",
                        "protocol 300 is out of range (at most 255)");
    }

    @Test
    void aFlowHeaderThatNamesAFieldTwiceIsRefused() {
        String lines =
                "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action bytes\n"
                        + "2 111122223333 eni-1 10.0.0.1 203.0.113.9 49152 443 6 10 2000000000 1760438400 1760438460 ACCEPT 1\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.flows).isEmpty();
        assertThat(d.deadLetterReasons()).containsExactly("flow-header-repeated-field");
        assertThat(d.deadLetters.get(0).detail).contains("names field 'bytes' twice");
    }

    @Test
    void addressSyntax() {
        assertThat(AddressSyntax.isIpAddress("10.0.0.1")).isTrue();
        assertThat(AddressSyntax.isIpAddress("255.255.255.255")).isTrue();
        assertThat(AddressSyntax.isIpAddress("::")).isTrue();
        assertThat(AddressSyntax.isIpAddress("::1")).isTrue();
        assertThat(AddressSyntax.isIpAddress("2001:db8::")).isTrue();
        assertThat(AddressSyntax.isIpAddress("2001:0db8:0000:0000:0000:ff00:0042:8329")).isTrue();
        assertThat(AddressSyntax.isIpAddress("::ffff:192.0.2.128")).isTrue();
        assertThat(AddressSyntax.isIpAddress("1:2:3:4:5:6:192.0.2.1")).isTrue();

        assertThat(AddressSyntax.isIpAddress("256.0.0.1")).isFalse();
        assertThat(AddressSyntax.isIpAddress("10.0.0")).isFalse();
        assertThat(AddressSyntax.isIpAddress("10.0.0.1.2")).isFalse();
        assertThat(AddressSyntax.isIpAddress("10..0.1")).isFalse();
        assertThat(AddressSyntax.isIpAddress("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(AddressSyntax.isIpAddress("1:2:3:4:5:6:7")).isFalse();
        assertThat(AddressSyntax.isIpAddress("12345::1")).isFalse();
        assertThat(AddressSyntax.isIpAddress(":1:2")).isFalse();
        assertThat(AddressSyntax.isIpAddress("1:2:")).isFalse();
        assertThat(AddressSyntax.isIpAddress("g::1")).isFalse();
        assertThat(AddressSyntax.isIpAddress("")).isFalse();
    }
}
