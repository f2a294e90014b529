package io.trailwatch.detect.signals;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.FlowRecord;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns VPC flow records into the signals of the network rules: probes for the scan rule,
 * connections to SSH and RDP from the internet, traffic leaving for public addresses, and accepted
 * inbound connections on sensitive ports for the correlation with security-group changes.
 */
public final class FlowSignals {
    /** The ports of TW-NETSCAN-02: remote administration. */
    static final int[] ADMIN_PORTS = {22, 3389};

    /** Admin and database ports: what TW-NET-01 rates CRITICAL and TW-CORR-01 correlates. */
    static final int[] SENSITIVE_PORTS = {22, 3389, 3306, 5432, 1433, 1521, 6379, 9200, 27017};

    /** Where a probing source is: on the internet, or inside (private or trusted). */
    public static final String INTERNET = "internet";

    public static final String INSIDE = "inside";

    /**
     * The most packets a flow record of a probe holds: a SYN or connect scan sends one to four
     * packets to each port it tries; a session (a scrape, a request, a health check) sends more.
     */
    static final long MAX_PROBE_PACKETS = 4;

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int SYN = 0x02;
    private static final int SYN_ACK = 0x12;

    private final Set<SignalKind> enabled;

    public FlowSignals(Set<SignalKind> enabled) {
        this.enabled =
                enabled.isEmpty() ? EnumSet.noneOf(SignalKind.class) : EnumSet.copyOf(enabled);
    }

    /**
     * @param scope what counts as public: the special ranges and every trusted range of the
     *     ownership table
     */
    public void extract(FlowRecord f, AddressScope scope, SignalSink out) {
        if (f.srcAddr == null || f.dstAddr == null || f.action == null || f.accountId == null) {
            return;
        }
        boolean srcPublic = scope.isPublic(f.srcAddr);
        boolean dstPublic = scope.isPublic(f.dstAddr);
        boolean ported =
                f.srcPort != null
                        && f.dstPort != null
                        && f.protocol != null
                        && (f.protocol == TCP || f.protocol == UDP);
        String account = f.accountId;
        if (ported && isProbe(f)) {
            String port = Integer.toString(f.dstPort);
            String from = srcPublic ? INTERNET : INSIDE;
            if (on(SignalKind.PORT_PROBE)) {
                out.emit(
                        SignalKind.PORT_PROBE,
                        signal(account + " " + f.srcAddr + " " + f.dstAddr, f, f.dstAddr)
                                .value(port)
                                .attribute(f.action)
                                .detail(from));
            }
            if (on(SignalKind.HOST_PROBE)) {
                out.emit(
                        SignalKind.HOST_PROBE,
                        signal(account + " " + f.srcAddr + " " + port, f, f.dstAddr)
                                .value(f.dstAddr)
                                .attribute(f.action)
                                .detail(from));
            }
        }
        if (ported && srcPublic && in(f.dstPort, ADMIN_PORTS) && on(SignalKind.ADMIN_CONNECTION)) {
            out.emit(
                    SignalKind.ADMIN_CONNECTION,
                    signal(
                                    account + " " + f.srcAddr + " " + f.dstAddr + " " + f.dstPort,
                                    f,
                                    f.dstAddr)
                            .value(Integer.toString(f.srcPort))
                            .attribute(f.action)
                            .detail(Integer.toString(f.dstPort)));
        }
        if (!srcPublic && dstPublic && f.bytes != null && on(SignalKind.EGRESS)) {
            out.emit(
                    SignalKind.EGRESS,
                    signal(account + " " + f.interfaceId + " " + f.dstAddr, f, f.interfaceId)
                            .value(f.srcAddr)
                            .attribute(f.dstAddr)
                            .amount(f.bytes));
        }
        if (ported
                && "ACCEPT".equals(f.action)
                && srcPublic
                && !dstPublic
                && (f.flowDirection == null || "ingress".equals(f.flowDirection))
                && in(f.dstPort, SENSITIVE_PORTS)
                && on(SignalKind.PUBLIC_INBOUND)) {
            out.emit(
                    SignalKind.PUBLIC_INBOUND,
                    signal(account + " " + f.dstPort, f, f.dstAddr)
                            .value(f.srcAddr)
                            .attribute(f.dstAddr));
        }
    }

    /**
     * Whether the record can be a scan's probe: the asking side of a connection that was rejected
     * or stayed as small as a probe. Counting sessions would make every load balancer and
     * monitoring scraper that reaches 25 hosts a "scanner".
     */
    static boolean isProbe(FlowRecord f) {
        if (isReply(f)) {
            return false;
        }
        return "REJECT".equals(f.action) || f.packets == null || f.packets <= MAX_PROBE_PACKETS;
    }

    /**
     * Whether the record is the answering side of a connection, whose destination port is the
     * client's ephemeral port and says nothing about probing. TCP flags decide when the record has
     * them (SYN-ACK answers, a bare SYN asks); otherwise the lower port is taken as the service.
     */
    static boolean isReply(FlowRecord f) {
        if (f.tcpFlags != null && f.protocol == TCP) {
            if ((f.tcpFlags & SYN_ACK) == SYN_ACK) {
                return true;
            }
            if ((f.tcpFlags & SYN) == SYN) {
                return false;
            }
        }
        return f.srcPort < f.dstPort;
    }

    private static boolean in(int port, int[] ports) {
        for (int p : ports) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }

    private boolean on(SignalKind kind) {
        return enabled.contains(kind);
    }

    private static Signal signal(String key, FlowRecord f, String resource) {
        return new Signal(key, f.eventTime, f.tuple())
                .context(f.accountId, f.region, f.srcAddr, resource, f.owner);
    }
}
