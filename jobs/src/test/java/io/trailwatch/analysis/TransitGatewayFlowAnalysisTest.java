package io.trailwatch.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.LogFileScanner;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.Alert;
import io.trailwatch.model.DeadLetter;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.RawRecord;
import io.trailwatch.ownership.OwnerResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A transit gateway flow record, which has no action, through the analysis: it is neither an
 * accepted nor a rejected connection, so no rule that counts either reads it.
 */
class TransitGatewayFlowAnalysisTest {
    /** SSH from the internet crossing the gateway (transit gateway default format, no header). */
    private static final String GATEWAY =
            "6 TransitGateway 123456789012 tgw-0a1b2c3d4e5f67890 tgw-attach-0123456789abcdef0 -"
                    + " 111122223333 - vpc-0aaa1111bbbb2222c - subnet-0aaa1111bbbb2222c -"
                    + " eni-0aaa1111bbbb2222c - use1-az1 tgw-attach-0fedcba9876543210 198.51.100.7"
                    + " 10.1.0.15 53253 22 6 3 180 1760437560 1760437620 OK IPv4 0 0 0 0 2 us-east-1"
                    + " ingress - -";

    /** The same connection as the instance's VPC flow log saw it (all v5 fields, no header). */
    private static final String INTERFACE =
            "5 123456789012 eni-0f1e2d3c4b5a69780 198.51.100.7 10.1.0.15 53253 22 6 3 180"
                    + " 1760437560 1760437620 ACCEPT OK vpc-0aaa1111bbbb2222c"
                    + " subnet-0aaa1111bbbb2222c i-0a1b2c3d4e5f67890 2 IPv4 198.51.100.7 10.1.0.15"
                    + " us-east-1 use1-az1 - - - - ingress -";

    @Test
    void aGatewayRecordFeedsNoRuleThatCountsAcceptedOrRejectedConnections() {
        Collected gateway = analyse(GATEWAY);
        Collected vpc = analyse(INTERFACE);

        assertThat(gateway.signals).isEmpty();
        assertThat(gateway.deadLetters).isEmpty();
        assertThat(gateway.unowned)
                .extracting(a -> a.account + " " + a.reference)
                .containsExactly(
                        "123456789012 tgw-attach-0123456789abcdef0 198.51.100.7:53253 ->"
                                + " 10.1.0.15:22 proto 6 @1760437560");
        assertThat(vpc.signals).contains(SignalKind.ADMIN_CONNECTION, SignalKind.PUBLIC_INBOUND);
    }

    private static Collected analyse(String line) {
        RecordDecoder decoder = new RecordDecoder();
        RecordAnalyzer analyzer =
                new RecordAnalyzer(Set.of(), EnumSet.allOf(SignalKind.class), true);
        OwnerResolver owners = new OwnerResolver(OwnershipTable.empty());
        Collected out = new Collected();
        int flows = 0;
        try (LogFileScanner scanner =
                new LogFileScanner(
                        new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)),
                        "flows.log",
                        DecodeLimits.defaults())) {
            RawRecord raw;
            while ((raw = scanner.next()) != null) {
                DecodedBatch batch = decoder.decode(raw);
                for (int i = 0; i < batch.size(); i++) {
                    flows += batch.kind(i) == DecodedBatch.Kind.FLOW ? 1 : 0;
                }
                analyzer.analyze(batch, owners, out);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(flows).as("flow records decoded").isEqualTo(1);
        return out;
    }

    private static class Collected implements AnalysisOutput {
        final List<SignalKind> signals = new ArrayList<>();
        final List<AccountActivity> unowned = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();

        @Override
        public void alert(Alert alert, long eventTime) {}

        @Override
        public void signal(SignalKind kind, Signal signal) {
            signals.add(kind);
        }

        @Override
        public void unownedActivity(AccountActivity activity) {
            unowned.add(activity);
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            deadLetters.add(deadLetter);
        }
    }
}
