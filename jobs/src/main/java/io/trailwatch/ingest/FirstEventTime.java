package io.trailwatch.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Finds the event time of the first record of a log file from its first bytes, so that a replay can
 * read files in time order: event-time watermarks then advance the way they do on a live stream.
 */
public final class FirstEventTime {
    static final int PROBE_BYTES = 64 * 1024;
    private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * A CloudWatch Logs subscription payload's event timestamp (epoch milliseconds): its records
     * are JSON strings in {@code message}, whose escaped {@code eventTime} the pattern above does
     * not see, and flow-log lines have none at all.
     */
    private static final Pattern LOG_EVENT_TIMESTAMP =
            Pattern.compile("\"timestamp\"\\s*:\\s*(\\d{10,13})\\b");

    private FirstEventTime() {}

    /** Epoch milliseconds of the first record, or {@link Long#MAX_VALUE} when none can be found. */
    public static long of(InputStream in) {
        return of(in, null);
    }

    /**
     * As {@link #of(InputStream)}, for a file whose flow lines, if it has no header line, are
     * declared to be in {@code declaredFlowFormat} ({@code null}: none declared).
     */
    public static long of(InputStream in, FlowLogFormat declaredFlowFormat) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, PROBE_BYTES);
            buffered.mark(2);
            byte[] magic = buffered.readNBytes(2);
            buffered.reset();
            InputStream content =
                    FormatDecider.isGzip(magic) ? new GZIPInputStream(buffered, 8192) : buffered;
            byte[] head = content.readNBytes(PROBE_BYTES);
            return of(head, declaredFlowFormat);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    static long of(byte[] head) {
        return of(head, null);
    }

    static long of(byte[] head, FlowLogFormat declaredFlowFormat) {
        // Only orders files: a record dated outside the range is a dead letter when decoded, and
        // must not place its file.
        EventTimeRange range = EventTimeRange.upTo(EventTimeRange.DEFAULT_HORIZON);
        int first = ContentSniffer.firstSignificantByte(head, 0);
        if (first < 0) {
            return Long.MAX_VALUE;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (FormatDecider.isJson(head[first])) {
            Matcher m = EVENT_TIME.matcher(text);
            while (m.find()) {
                try {
                    long millis = EventTimeParser.epochMillis(m.group(1));
                    if (range.contains(millis)) {
                        return millis;
                    }
                } catch (DateTimeParseException e) {
                    // try the next one
                }
            }
            if (text.contains("\"logEvents\"")) {
                Matcher ts = LOG_EVENT_TIMESTAMP.matcher(text);
                if (ts.find()) {
                    long millis = Long.parseLong(ts.group(1));
                    if (range.contains(millis)) {
                        return millis;
                    }
                }
            }
            return Long.MAX_VALUE;
        }
        return firstFlowStart(text, range, declaredFlowFormat);
    }

    private static long firstFlowStart(
            String text, EventTimeRange range, FlowLogFormat declaredFlowFormat) {
        String[] lines = text.split("\n");
        FlowLogFormat format = FlowLogFormat.DEFAULT_V2;
        int from = 0;
        if (lines.length > 0) {
            String first = lines[0].strip();
            FlowLogFormat header = FlowLogFormat.parseHeader(first);
            if (header != null) {
                format = header;
                from = 1;
            } else {
                // the format the file will be decoded in, so that the order and the decoding agree
                FlowLogFormat decided = HeaderlessFlowFormat.of(first, declaredFlowFormat).format();
                if (decided != null) {
                    format = decided;
                }
            }
        }
        // The last line may be cut by the probe's byte limit: use only complete lines.
        for (int i = from;
                i < lines.length - 1 || (i == lines.length - 1 && text.endsWith("\n"));
                i++) {
            try {
                io.trailwatch.model.FlowRecord r = format.parse(lines[i].strip());
                Long seconds = r.start != null ? r.start : r.end;
                if (seconds != null && range.containsSeconds(seconds)) {
                    return seconds * 1000L;
                }
            } catch (DecodeException e) {
                // not a record line; try the next one
            }
        }
        return Long.MAX_VALUE;
    }
}
