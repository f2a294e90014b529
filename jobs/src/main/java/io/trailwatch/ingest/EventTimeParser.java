package io.trailwatch.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * CloudTrail's {@code eventTime}, read fast in the form CloudTrail always writes ({@code
 * 2026-10-14T09:41:07Z}), and through {@link Instant#parse} for any other ISO-8601 instant.
 */
final class EventTimeParser {
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);

    private EventTimeParser() {}

    /**
     * Epoch milliseconds; a text that is not an ISO-8601 instant throws DateTimeParseException. An
     * instant beyond what epoch milliseconds hold (years past about 292 million) is {@link
     * Long#MAX_VALUE} or {@link Long#MIN_VALUE}: outside any {@link EventTimeRange}, never an
     * overflow.
     */
    static long epochMillis(String t) {
        if (t.length() == 20
                && t.charAt(4) == '-'
                && t.charAt(7) == '-'
                && t.charAt(10) == 'T'
                && t.charAt(13) == ':'
                && t.charAt(16) == ':'
                && t.charAt(19) == 'Z') {
            int year = digits(t, 0, 4);
            int month = digits(t, 5, 2);
            int day = digits(t, 8, 2);
            int hour = digits(t, 11, 2);
            int minute = digits(t, 14, 2);
            int second = digits(t, 17, 2);
            if (year >= 0
                    && month >= 1
                    && month <= 12
                    && day >= 1
                    && day <= 31
                    && hour >= 0
                    && hour < 24
                    && minute >= 0
                    && minute < 60
                    && second >= 0
                    && second < 60) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
                } catch (java.time.DateTimeException e) {
                    // e.g. February 30th: let Instant.parse say what is wrong
                }
            }
        }
        Instant instant = Instant.parse(t);
        if (instant.isAfter(LATEST)) {
            return Long.MAX_VALUE;
        }
        if (instant.isBefore(EARLIEST)) {
            return Long.MIN_VALUE;
        }
        return instant.toEpochMilli();
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
