package io.trailwatch.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The format of a flow log file that has no header line (CloudWatch Logs delivers none), decided
 * once from its first line: the format declared for the file when the line has its field count;
 * else the one AWS format of that field count ({@link KnownFlowFormat}) whose values the line
 * holds. The file's other lines are read in that format, each checked as it is decoded. A file
 * whose first line fits none is one dead letter that names every format tried.
 */
final class HeaderlessFlowFormat {
    /**
     * The format decided, or why there is none.
     *
     * @param format the format of the file's lines, or {@code null} when none fits
     * @param header what the lines' raw records carry as their header: the format's field names, or
     *     {@code null} for the default format (what the decoder reads lines without one in)
     * @param problem when no format fits: the formats tried and why the line is none of them
     */
    record Decision(FlowLogFormat format, String header, String problem) {}

    private HeaderlessFlowFormat() {}

    /**
     * @param line the file's first line, which is not a header
     * @param declared the format declared for the file, or {@code null}
     */
    static Decision of(String line, FlowLogFormat declared) {
        int count = FlowLogFormat.tokens(line).size();
        if (declared != null && declared.fieldCount() == count) {
            return found(declared);
        }
        KnownFlowFormat candidate = null;
        for (KnownFlowFormat known : KnownFlowFormat.values()) {
            if (known.format.fieldCount() == count) {
                if (candidate != null) {
                    candidate = null;
                    break;
                }
                candidate = known;
            }
        }
        String problem = candidate == null ? null : candidate.problem(line);
        if (candidate != null && problem == null) {
            return found(candidate.format);
        }
        return new Decision(null, null, tried(declared, count, candidate, problem));
    }

    private static Decision found(FlowLogFormat format) {
        boolean defaultFormat = format.header().equals(FlowLogFormat.DEFAULT_V2_HEADER);
        return new Decision(format, defaultFormat ? null : format.header(), null);
    }

    private static String tried(
            FlowLogFormat declared, int count, KnownFlowFormat candidate, String problem) {
        List<String> tried = new ArrayList<>();
        if (declared != null) {
            tried.add("declared (" + declared.fieldCount() + " fields)");
        }
        for (KnownFlowFormat known : KnownFlowFormat.values()) {
            tried.add(
                    known.label
                            + " ("
                            + known.format.fieldCount()
                            + (tried.isEmpty() ? " fields)" : ")"));
        }
        String detail =
                "not a flow log header, and matches no flow log format tried: "
                        + String.join(", ", tried)
                        + "; the line has "
                        + count
                        + (count == 1 ? " field" : " fields");
        return candidate == null ? detail : detail + ", but as " + candidate.label + ": " + problem;
    }
}
