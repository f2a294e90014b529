package io.trailwatch.ingest;

import io.trailwatch.model.FlowRecord;

/**
 * The values of a flow record that no flow log holds, beyond what parsing its fields refuses
 * already (ports above 65535, protocol numbers above 255, addresses like {@code 999.1.1.1}): an
 * unknown action or log status, or an end before the start, is damage, and accepted it would be
 * analysed as if AWS had written it.
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
        if (r.start != null && r.end != null && r.end < r.start) {
            return "end " + r.end + " is before start " + r.start;
        }
        return null;
    }

    private static boolean isLogStatus(String s) {
        return s.equals("OK") || s.equals("NODATA") || s.equals("SKIPDATA");
    }
}
