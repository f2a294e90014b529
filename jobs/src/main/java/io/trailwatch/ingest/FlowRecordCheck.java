package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;

/**
 * The values a flow record may hold, beyond their syntax as numbers: a port above 65535, an address
 * like {@code 999.1.1.1}, an unknown action or log status, or an end before the start is damage,
 * and accepted it would be analysed as if AWS had written it.
 */
final class FlowRecordCheck {
    private FlowRecordCheck() {}

    /** What is wrong with the record, or {@code null}. */
    static String problem(FlowRecord r) {
        if (r.logStatus != null && !isLogStatus(r.logStatus)) {
            return "log-status '" + Excerpt.of(r.logStatus) + "' is not OK, NODATA or SKIPDATA";
        }
        if (r.action != null && !r.action.equals("ACCEPT") && !r.action.equals("REJECT")) {
            return "action '" + Excerpt.of(r.action) + "' is not ACCEPT or REJECT";
        }
        String port = port("srcport", r.srcPort);
        if (port == null) {
            port = port("dstport", r.dstPort);
        }
        if (port != null) {
            return port;
        }
        if (r.protocol != null && r.protocol > 255) {
            return "protocol " + r.protocol + " is not an IANA protocol number (0-255)";
        }
        String address = address("srcaddr", r.srcAddr);
        if (address == null) {
            address = address("dstaddr", r.dstAddr);
        }
        if (address == null) {
            address = address("pkt-srcaddr", r.pktSrcAddr);
        }
        if (address == null) {
            address = address("pkt-dstaddr", r.pktDstAddr);
        }
        if (address != null) {
            return address;
        }
        if (r.start != null && r.end != null && r.end < r.start) {
            return "end " + r.end + " is before start " + r.start;
        }
        return null;
    }

    private static boolean isLogStatus(String s) {
        return s.equals("OK") || s.equals("NODATA") || s.equals("SKIPDATA");
    }

    private static String port(String field, Integer port) {
        return port != null && port > 65535
                ? field + " " + port + " is not a port (0-65535)"
                : null;
    }

    private static String address(String field, String value) {
        return value != null && !AddressSyntax.isIpAddress(value)
                ? field + " '" + Excerpt.of(value) + "' is not an IPv4 or IPv6 address"
                : null;
    }
}
