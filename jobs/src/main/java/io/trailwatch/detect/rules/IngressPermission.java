package io.trailwatch.detect.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One ingress permission: protocol, port range and source, as security groups and network ACLs
 * state it.
 */
final class IngressPermission {
    /** Admin and database ports that must never face the internet (TW-NET-01, docs/RULES.md). */
    static final int[] SENSITIVE_PORTS = {22, 3389, 3306, 5432, 1433, 1521, 6379, 9200, 27017};

    private static final int[] WEB_PORTS = {80, 443};

    final String protocol;
    final int fromPort;
    final int toPort;
    final String source;

    /**
     * @param protocol as AWS gives it: "tcp", "udp", "icmp", "icmpv6", a protocol number, or "-1"
     *     for all
     * @param fromPort start of the range; ignored for all traffic; -1 means every port
     */
    IngressPermission(String protocol, Integer fromPort, Integer toPort, String source) {
        this.protocol = normalize(protocol);
        boolean allPorts = this.protocol.equals("all") || fromPort == null || fromPort < 0;
        this.fromPort = allPorts ? 0 : fromPort;
        this.toPort = allPorts ? 65535 : toPort == null || toPort < 0 ? 65535 : toPort;
        this.source = source;
    }

    /** Whether the source is the whole internet (any /0 network). */
    boolean fromInternet() {
        return source != null && source.endsWith("/0");
    }

    boolean isAllTraffic() {
        return protocol.equals("all");
    }

    boolean isIcmp() {
        return protocol.equals("icmp") || protocol.equals("icmpv6");
    }

    /** The sensitive ports this permission exposes. */
    List<Integer> sensitivePorts() {
        List<Integer> out = new ArrayList<>();
        if (isIcmp()) {
            return out;
        }
        for (int p : SENSITIVE_PORTS) {
            if (p >= fromPort && p <= toPort) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether every port it opens is a web port. */
    boolean onlyWebPorts() {
        if (isAllTraffic() || isIcmp()) {
            return false;
        }
        for (int p = fromPort; p <= toPort; p++) {
            boolean web = false;
            for (int w : WEB_PORTS) {
                web |= p == w;
            }
            if (!web) {
                return false;
            }
        }
        return true;
    }

    String ports() {
        if (isAllTraffic()) {
            return "all";
        }
        if (isIcmp()) {
            return "-";
        }
        return fromPort == toPort ? Integer.toString(fromPort) : fromPort + "-" + toPort;
    }

    @Override
    public String toString() {
        return protocol + "/" + ports() + " from " + source;
    }

    private static String normalize(String protocol) {
        String p = protocol == null ? "-1" : protocol.toLowerCase(Locale.ROOT);
        switch (p) {
            case "-1":
            case "all":
                return "all";
            case "6":
                return "tcp";
            case "17":
                return "udp";
            case "1":
                return "icmp";
            case "58":
                return "icmpv6";
            default:
                return p;
        }
    }
}
