package io.trailwatch.detect.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.FlowRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowSignalsTest {
    private static final AddressScope SCOPE = new AddressScope(List.of("203.0.113.128/28"));

    private final List<String> emitted = new ArrayList<>();

    private void extract(FlowRecord f) {
        new FlowSignals(EnumSet.allOf(SignalKind.class))
                .extract(f, SCOPE, (kind, s) -> emitted.add(kind + " " + s.key + " " + s.value));
    }

    @Test
    void anInboundSshConnectionFromTheInternetFeedsTheScanAdminAndCorrelationRules() {
        extract(flow("192.0.2.44", 53253, "10.40.1.25", 22, "ACCEPT", 3, "ingress"));

        assertThat(emitted)
                .containsExactly(
                        "PORT_PROBE 444455556666 192.0.2.44 10.40.1.25 22",
                        "HOST_PROBE 444455556666 192.0.2.44 22 10.40.1.25",
                        "ADMIN_CONNECTION 444455556666 192.0.2.44 10.40.1.25 22 53253",
                        "PUBLIC_INBOUND 444455556666 22 192.0.2.44");
    }

    @Test
    void theAnsweringSideIsNoProbeAndItsBytesLeaveForAPublicAddress() {
        // SYN-ACK in the flags: the server answering; its destination port is the client's
        extract(flow("10.40.1.25", 22, "192.0.2.44", 53253, "ACCEPT", 19, "egress"));
        // no flags (default format): the lower port is the service
        extract(flow("10.20.3.50", 5432, "10.20.3.14", 51100, "ACCEPT", null, null));

        assertThat(emitted)
                .containsExactly("EGRESS 444455556666 eni-0b2c3d4e5f6a70002 192.0.2.44 10.40.1.25");
    }

    @Test
    void aBareSynIsAProbeWhateverThePorts() {
        extract(flow("192.0.2.200", 51021, "10.40.1.30", 60000, "REJECT", 2, "ingress"));

        assertThat(emitted)
                .containsExactly(
                        "PORT_PROBE 444455556666 192.0.2.200 10.40.1.30 60000",
                        "HOST_PROBE 444455556666 192.0.2.200 60000 10.40.1.30");
    }

    @Test
    void sessionsAreNoProbesButRejectedOrTinyFlowsAre() {
        FlowRecord scrape = flow("10.40.0.5", 40000, "10.40.1.7", 9100, "ACCEPT", 19, "egress");
        scrape.tcpFlags = 3;
        scrape.packets = 12L;
        FlowRecord knock = flow("10.40.0.5", 40001, "10.40.1.8", 9100, "ACCEPT", 3, "egress");
        knock.packets = 3L;
        FlowRecord rejected = flow("10.40.0.5", 40002, "10.40.1.9", 9100, "REJECT", 2, "egress");
        rejected.packets = 40L;

        extract(scrape);
        extract(knock);
        extract(rejected);

        assertThat(emitted)
                .containsExactly(
                        "PORT_PROBE 444455556666 10.40.0.5 10.40.1.8 9100",
                        "HOST_PROBE 444455556666 10.40.0.5 9100 10.40.1.8",
                        "PORT_PROBE 444455556666 10.40.0.5 10.40.1.9 9100",
                        "HOST_PROBE 444455556666 10.40.0.5 9100 10.40.1.9");
    }

    @Test
    void trustedAndPrivateSourcesAreNotTheInternet() {
        // the office, trusted: no admin-port or correlation signal
        extract(flow("203.0.113.133", 50000, "10.40.1.25", 22, "ACCEPT", 3, "ingress"));
        // rejected: no correlation, still an admin-port attempt
        extract(flow("198.51.100.9", 50001, "10.40.1.25", 22, "REJECT", 2, "ingress"));

        assertThat(emitted)
                .noneMatch(s -> s.startsWith("ADMIN_CONNECTION 444455556666 203.0.113.133"))
                .noneMatch(s -> s.startsWith("PUBLIC_INBOUND"))
                .contains("ADMIN_CONNECTION 444455556666 198.51.100.9 10.40.1.25 22 50001");
    }

    @Test
    void trafficToPrivateOrTrustedDestinationsIsNoEgress() {
        extract(flow("10.20.3.14", 51000, "10.20.8.40", 873, "ACCEPT", null, null));
        extract(flow("10.20.3.14", 51001, "203.0.113.130", 443, "ACCEPT", null, null));

        assertThat(emitted).noneMatch(s -> s.startsWith("EGRESS"));
    }

    @Test
    void icmpHasNoPorts() {
        FlowRecord f = flow("192.0.2.1", 0, "10.40.1.25", 0, "ACCEPT", null, "ingress");
        f.protocol = 1;
        extract(f);

        assertThat(emitted).isEmpty();
    }

    static FlowRecord flow(
            String src,
            int srcPort,
            String dst,
            int dstPort,
            String action,
            Integer flags,
            String dir) {
        FlowRecord f = new FlowRecord();
        f.version = 5;
        f.accountId = "444455556666";
        f.interfaceId = "eni-0b2c3d4e5f6a70002";
        f.srcAddr = src;
        f.dstAddr = dst;
        f.srcPort = srcPort;
        f.dstPort = dstPort;
        f.protocol = 6;
        f.packets = 2L;
        f.bytes = 840L;
        f.start = 1791973563L;
        f.end = 1791973586L;
        f.action = action;
        f.logStatus = "OK";
        f.tcpFlags = flags;
        f.flowDirection = dir;
        f.eventTime = f.start * 1000;
        return f;
    }
}
