package io.trailwatch.ingest;

import static io.trailwatch.ingest.Decoded.gzip;
import static io.trailwatch.ingest.Decoded.resource;
import static io.trailwatch.ingest.Decoded.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The corpus of broken inputs: each gives a dead letter with a reason; the records around it
 * survive.
 */
class BrokenInputTest {
    private static final String CONSOLE_LOGIN =
            new String(resource("cloudtrail/console-login.json")).strip();

    @Test
    void truncatedGzip() {
        byte[] gz = gzip(resource("cloudtrail/log-file.json"));

        Decoded d = Decoded.file(Arrays.copyOf(gz, gz.length / 2));

        assertThat(d.events).isEmpty();
        assertThat(d.deadLetterReasons()).containsExactly("gzip-truncated");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file");
    }

    @Test
    void truncatedJson() {
        byte[] json = resource("cloudtrail/log-file.json");

        Decoded d = Decoded.file(Arrays.copyOf(json, json.length - 300));

        assertThat(d.deadLetterReasons()).containsExactly("invalid-json");
        assertThat(d.deadLetters.get(0).detail).contains("malformed JSON at line 1");
    }

    @Test
    void truncatedJsonLineCostsOnlyThatLine() {
        String lines =
                CONSOLE_LOGIN
                        + "\n"
                        + CONSOLE_LOGIN.substring(0, 200)
                        + "\n"
                        + CONSOLE_LOGIN
                        + "\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.events).hasSize(2);
        assertThat(d.deadLetterReasons()).containsExactly("invalid-json");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file line 2");
    }

    @Test
    void brokenFirstLineOfJsonLines() {
        String lines =
                CONSOLE_LOGIN.substring(0, 100)
                        + "\n"
                        + CONSOLE_LOGIN
                        + "\n"
                        + CONSOLE_LOGIN
                        + "\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.events).hasSize(2);
        assertThat(d.deadLetterReasons()).containsExactly("invalid-json");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file line 1");
    }

    @Test
    void numberWhereAnObjectBelongs() {
        String file =
                new String(resource("cloudtrail/log-file.json"))
                        .replaceFirst(
                                "\"userIdentity\":\\{\"type\":\"IAMUser\".*?\"userName\":\"dev-jlee\"\\}",
                                "\"userIdentity\":5");

        Decoded d = Decoded.file(utf8(file));

        assertThat(d.events)
                .extracting(e -> e.eventName)
                .containsExactly("ListBuckets", "GenerateDataKey");
        assertThat(d.deadLetterReasons()).containsExactly("invalid-cloudtrail-record");
        assertThat(d.deadLetters.get(0).detail)
                .isEqualTo("userIdentity must be an object, got a number");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file Records[1]");
        assertThat(d.deadLetters.get(0).excerpt).contains("AuthorizeSecurityGroupIngress");
    }

    @Test
    void objectWhereAStringBelongs() {
        Decoded d =
                Decoded.file(
                        utf8(
                                CONSOLE_LOGIN.replace(
                                        "\"eventName\":\"ConsoleLogin\"",
                                        "\"eventName\":{\"x\":1}")));

        assertThat(d.deadLetterReasons()).containsExactly("invalid-cloudtrail-record");
        assertThat(d.deadLetters.get(0).detail)
                .isEqualTo("eventName must be a string, got an object");
    }

    @Test
    void missingRequiredFields() {
        Decoded d =
                Decoded.file(
                        utf8(CONSOLE_LOGIN.replace("\"eventTime\":\"2026-10-14T10:36:02Z\",", "")));

        assertThat(d.deadLetterReasons()).containsExactly("invalid-cloudtrail-record");
        assertThat(d.deadLetters.get(0).detail).isEqualTo("missing required field(s): eventTime");
    }

    @Test
    void unparseableEventTime() {
        Decoded d = Decoded.file(utf8(CONSOLE_LOGIN.replace("2026-10-14T10:36:02Z", "yesterday")));

        assertThat(d.deadLetterReasons()).containsExactly("invalid-cloudtrail-record");
        assertThat(d.deadLetters.get(0).detail).contains("eventTime is not an ISO-8601 instant");
    }

    @Test
    void recordsArrayElementThatIsNotAnObject() {
        Decoded d = Decoded.file(utf8("{\"Records\":[42," + CONSOLE_LOGIN + "]}"));

        assertThat(d.events).hasSize(1);
        assertThat(d.deadLetterReasons()).containsExactly("invalid-cloudtrail-record");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file Records[0]");
    }

    @Test
    void jsonThatIsNoKnownEnvelope() {
        Decoded d = Decoded.file(utf8("{\"hello\":\"world\",\"n\":1}"));

        assertThat(d.deadLetterReasons()).containsExactly("unrecognized-json");
        assertThat(d.deadLetters.get(0).detail).contains("keys: hello, n");
    }

    @Test
    void flowLineWithTooFewFields() {
        String file =
                "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 198.51.100.90 49152 443 6 12 1500 1760438400 1760438460 ACCEPT OK\n"
                        + "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 198.51.100.90 49152 443\n"
                        + "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.3.14 198.51.100.90 49152 x 6 12 1500 1760438400 1760438460 ACCEPT OK\n";

        Decoded d = Decoded.file(utf8(file));

        assertThat(d.flows).hasSize(1);
        assertThat(d.deadLetterReasons()).containsExactly("flow-field-count", "flow-invalid-value");
        assertThat(d.deadLetters.get(0).detail).startsWith("expected 14 fields");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file line 2");
        assertThat(d.deadLetters.get(1).detail).isEqualTo("field dstport: 'x' is not a number");
    }

    @Test
    void binaryGarbage() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = 0x00;

        Decoded d = Decoded.file(garbage);

        assertThat(d.events).isEmpty();
        assertThat(d.flows).isEmpty();
        assertThat(d.deadLetterReasons()).containsExactly("unrecognized-content");
    }

    @Test
    void textThatIsNoLog() {
        Decoded d = Decoded.file(utf8("# Sample logs\n\nThis directory holds ...\n"));

        assertThat(d.deadLetterReasons()).containsExactly("unrecognized-content");
    }

    @Test
    void emptyFile() {
        Decoded d = Decoded.file(new byte[0]);

        assertThat(d.deadLetterReasons()).containsExactly("empty-file");
    }

    @Test
    void emptyGzipFile() {
        Decoded d = Decoded.file(gzip(new byte[0]));

        assertThat(d.deadLetterReasons()).containsExactly("empty-file");
    }

    @Test
    void tenMegabyteLineAmongJsonLines() {
        char[] huge = new char[10 * 1024 * 1024];
        Arrays.fill(huge, 'A');
        String lines =
                CONSOLE_LOGIN
                        + "\n{\"eventName\":\""
                        + new String(huge)
                        + "\"}\n"
                        + CONSOLE_LOGIN
                        + "\n";

        Decoded d = Decoded.file(utf8(lines));

        assertThat(d.events).hasSize(2);
        assertThat(d.deadLetterReasons()).containsExactly("line-too-long");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file line 2");
        assertThat(d.deadLetters.get(0).excerpt)
                .startsWith("{\"eventName\":\"AAAA")
                .hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS + 1);
    }

    @Test
    void flowLinesKeepTheirNumbersAcrossBlankLinesOverLongLinesAndRuns() {
        String header =
                "version account-id interface-id srcaddr dstaddr srcport dstport protocol"
                        + " packets bytes start end action log-status";
        String flow =
                "2 444455556666 eni-0a1b2c3d4e5f60718 198.51.100.9 10.0.1.15 51515 443 6 3 180"
                        + " 1760436000 1760436060 ACCEPT OK";
        StringBuilder file = new StringBuilder(header).append('\n');
        file.append(flow).append("\n\n"); // lines 2 and 3 (blank)
        file.append("x".repeat(2 * 1024 * 1024)).append('\n'); // line 4: over the line limit
        int last = LogFileScanner.RUN_LINES * 2 + 10;
        for (int line = 5; line <= last; line++) {
            file.append(flow).append('\n');
        }

        Decoded d = Decoded.file(utf8(file.toString()));

        assertThat(d.deadLetterReasons()).containsExactly("line-too-long");
        assertThat(d.deadLetters.get(0).origin).isEqualTo("test-file line 4");
        assertThat(d.deadLetters.get(0).excerpt)
                .startsWith("xxxx")
                .hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS + 1);
        assertThat(d.flows).hasSize(last - 3);
        assertThat(d.flows.get(0).where()).isEqualTo("test-file line 2");
        assertThat(d.flows.get(1).where()).isEqualTo("test-file line 5");
        assertThat(d.flows.get(d.flows.size() - 1).where()).isEqualTo("test-file line " + last);
    }

    @Test
    void tenMegabyteSingleLineOfText() {
        byte[] huge = new byte[10 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');

        Decoded d = Decoded.file(huge);

        assertThat(d.deadLetterReasons()).containsExactly("unrecognized-content");
    }

    @Test
    void gzipBombIsRefused() {
        DecodeLimits limits = DecodeLimits.defaults();
        limits.maxDecompressedBytes = 1024 * 1024;
        byte[] zeros = new byte[8 * 1024 * 1024];
        Arrays.fill(zeros, (byte) ' ');

        Decoded d = Decoded.file(gzip(zeros), limits);

        assertThat(d.deadLetterReasons()).containsExactly("gzip-too-large");
    }

    @Test
    void corruptGzipKinesisRecord() {
        byte[] gz = gzip(utf8(CONSOLE_LOGIN));
        gz[gz.length / 2] ^= 0x55;
        gz[gz.length / 2 + 1] ^= 0x55;

        Decoded d = Decoded.kinesisRecord(gz);

        assertThat(d.events).isEmpty();
        assertThat(d.deadLetterReasons()).hasSize(1).allMatch(r -> r.startsWith("gzip-"));
    }
}
