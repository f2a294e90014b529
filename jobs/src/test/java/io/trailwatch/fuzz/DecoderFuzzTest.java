package io.trailwatch.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.FlowLogFormat;
import io.trailwatch.ingest.LogFileScanner;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnershipTableException;
import io.trailwatch.ownership.OwnershipTableParser;
import io.trailwatch.ownership.TrustedCidrLimit;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of everything that reads untrusted input. No input may throw out of a
 * decoder (the decoder's own safety net, the "decoder-error" dead letter, counts as a failure
 * here), hang it, or produce a record without its required fields. Without JAZZER_FUZZ set these
 * run the seed corpus under src/test/resources/io/trailwatch/fuzz as regression tests; `.ci/run`
 * fuzzes each briefly.
 */
class DecoderFuzzTest {
    private static final DecodeLimits LIMITS = smallLimits();

    @FuzzTest(maxDuration = "20s")
    void kinesisRecord(byte[] payload) {
        if (payload == null) {
            return;
        }
        check(
                new RecordDecoder(LIMITS, FlowLogFormat.DEFAULT_V2)
                        .decode(new RawRecord("fuzz", RawKind.UNKNOWN, payload, null)));
    }

    @FuzzTest(maxDuration = "20s")
    void cloudTrailJson(byte[] json) {
        if (json == null) {
            return;
        }
        check(
                new RecordDecoder(LIMITS, FlowLogFormat.DEFAULT_V2)
                        .decode(new RawRecord("fuzz", RawKind.JSON, json, null)));
    }

    @FuzzTest(maxDuration = "20s")
    void logFile(byte[] file) throws IOException {
        if (file == null) {
            return;
        }
        RecordDecoder decoder = new RecordDecoder(LIMITS, FlowLogFormat.DEFAULT_V2);
        try (LogFileScanner scanner =
                new LogFileScanner(new ByteArrayInputStream(file), "fuzz", LIMITS)) {
            RawRecord r;
            int records = 0;
            while ((r = scanner.next()) != null) {
                assertThat(++records)
                        .as("records from a %d-byte file", file.length)
                        .isLessThanOrEqualTo(file.length + 1);
                check(decoder.decode(r));
            }
        }
    }

    @FuzzTest(maxDuration = "20s")
    void flowLine(FuzzedDataProvider data) {
        String header = data.consumeString(400);
        String line = data.consumeRemainingAsString();
        RawRecord r =
                new RawRecord(
                        "fuzz",
                        RawKind.FLOW_LINE,
                        line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        header.isBlank() ? null : header);
        check(new RecordDecoder(LIMITS, FlowLogFormat.DEFAULT_V2).decode(r));
    }

    /** A file's bytes, as the table's reader gets them: not necessarily UTF-8. */
    @FuzzTest(maxDuration = "20s")
    void ownershipTable(byte[] csv) {
        if (csv == null) {
            return; // Jazzer's empty input
        }
        try {
            OwnershipTableParser.parse(csv, "fuzz.csv", TrustedCidrLimit.DEFAULT);
        } catch (OwnershipTableException expected) {
            // One line, of a size to read: replay prints it as its only line.
            assertThat(expected.getMessage())
                    .startsWith("ownership table fuzz.csv")
                    .doesNotContain("\n", "\r")
                    .hasSizeLessThan(1000);
        }
    }

    private static DecodeLimits smallLimits() {
        DecodeLimits limits = DecodeLimits.defaults();
        limits.maxLineBytes = 64 * 1024;
        limits.maxDocumentBytes = 1024 * 1024;
        limits.maxDecompressedBytes = 4 * 1024 * 1024;
        return limits;
    }

    /** Fails on the decoder's safety net and on records missing what every consumer relies on. */
    private static void check(DecodedBatch decoded) {
        for (int i = 0; i < decoded.size(); i++) {
            switch (decoded.kind(i)) {
                case CLOUDTRAIL:
                    CloudTrailEvent e = decoded.cloudTrail(i);
                    assertThat(e.eventId).isNotNull();
                    assertThat(e.eventName).isNotNull();
                    assertThat(e.eventSource).isNotNull();
                    assertThat(e.origin).isNotNull();
                    break;
                case FLOW:
                    FlowRecord f = decoded.flow(i);
                    assertThat(f.start != null || f.end != null).isTrue();
                    assertThat(f.origin).isNotNull();
                    break;
                case SKIPPED:
                    break;
                default:
                    DeadLetter d = decoded.deadLetter(i);
                    assertThat(d.reason)
                            .as("dead letter %s: %s", d.reason, d.detail)
                            .isNotEqualTo("decoder-error")
                            .isNotBlank();
                    assertThat(d.excerpt)
                            .hasSizeLessThanOrEqualTo(io.trailwatch.ingest.Excerpt.MAX_CHARS + 1);
            }
        }
    }
}
