package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flow lines delivered by a CloudWatch Logs subscription have no header: a payload's lines are read
 * in the format its first line is recognised as (or the one configured), as a file's are.
 */
class CloudWatchFlowFormatTest {
    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = CloudWatchFlowFormatTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        }
    }

    private static String payload(String logGroup, List<String> lines) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            events.add(
                    "{\"id\":\"3803843872195616962283873487523466284093762948521"
                            + i
                            + "\",\"timestamp\":1760437620000,\"message\":\""
                            + lines.get(i)
                            + "\"}");
        }
        return "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\",\"logGroup\":\""
                + logGroup
                + "\",\"logStream\":\"eni-0f1e2d3c4b5a69780-all\",\"subscriptionFilters\":[\"to-kinesis\"],"
                + "\"logEvents\":["
                + String.join(",", events)
                + "]}";
    }

    private static DecodedBatch decode(RecordDecoder decoder, String json) {
        return decoder.decode(
                new RawRecord(
                        "payload", RawKind.JSON, json.getBytes(StandardCharsets.UTF_8), null));
    }

    private static List<String> kinds(DecodedBatch decoded) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            kinds.add(
                    decoded.kind(i) == DecodedBatch.Kind.DEAD_LETTER
                            ? decoded.deadLetter(i).detail
                            : decoded.kind(i).name());
        }
        return kinds;
    }

    @Test
    void recognisedFormatsDecodeFromASubscriptionPayload() throws IOException {
        RecordDecoder decoder = new RecordDecoder();
        List<String> v5 = lines("/flow/headerless-all-v5.log");
        List<String> tgw = lines("/flow/headerless-tgw-default.log");

        // each sample ends with a NODATA record: counted, not a dead letter
        DecodedBatch v5Decoded = decode(decoder, payload("/vpc/prod/flow-logs", v5));
        assertThat(kinds(v5Decoded)).containsOnly("FLOW", "SKIPPED").hasSize(v5.size());
        assertThat(v5Decoded.flow(0).vpcId).isEqualTo("vpc-0123456789abcdef0");
        assertThat(v5Decoded.flow(0).flowDirection).isEqualTo("egress");

        DecodedBatch tgwDecoded = decode(decoder, payload("/tgw/flow-logs", tgw));
        assertThat(kinds(tgwDecoded)).containsOnly("FLOW", "SKIPPED").hasSize(tgw.size());
        assertThat(tgwDecoded.flow(0).srcAddr).isEqualTo("10.1.0.15");

        // the decoder keeps nothing from one payload to the next: default lines still decode
        DecodedBatch v2 =
                decode(
                        decoder,
                        payload(
                                "/vpc/dev/flow-logs",
                                List.of(
                                        "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.1.15 10.20.2.30 49152 5432 6 12 2140 1760437560 1760437620 ACCEPT OK")));
        assertThat(kinds(v2)).containsExactly("FLOW");
    }

    @Test
    void aConfiguredFormatStillWinsForItsFieldCount() {
        FlowLogFormat configured =
                FlowLogFormat.parseHeader(
                        "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id");
        RecordDecoder decoder = new RecordDecoder(DecodeLimits.defaults(), configured);

        DecodedBatch decoded =
                decode(
                        decoder,
                        payload(
                                "/vpc/prod/flow-logs",
                                List.of(
                                        "3 111122223333 eni-0a1b2c3d4e5f60001 10.20.1.15 10.20.2.30 49152 5432 6 12 2140 1760437560 1760437620 ACCEPT OK vpc-0aa11bb22cc33dd44",
                                        "2 111122223333 eni-0a1b2c3d4e5f60001 10.20.1.15 10.20.2.30 49152 5432 6 12 2140 1760437560 1760437620 ACCEPT OK")));

        assertThat(decoded.kind(0)).isEqualTo(DecodedBatch.Kind.FLOW);
        assertThat(decoded.flow(0).vpcId).isEqualTo("vpc-0aa11bb22cc33dd44");
        // one payload, one format: a line of another field count is a dead letter of its own
        assertThat(decoded.kind(1)).isEqualTo(DecodedBatch.Kind.DEAD_LETTER);
    }
}
