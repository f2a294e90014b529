package io.trailwatch.alert.delivery;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A {@code Retry-After} header: seconds (as Slack sends it) or an HTTP date. What cannot be read,
 * or is missing, means one second.
 */
public final class RetryAfter {
    static final long UNREADABLE_MILLIS = 1000;

    private RetryAfter() {}

    /** How long the destination asked to wait, in whole seconds as milliseconds, at least one. */
    public static long millis(String header, long now) {
        if (header == null || header.isBlank()) {
            return UNREADABLE_MILLIS;
        }
        String v = header.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : Math.max(1, seconds) * 1000;
        } catch (NumberFormatException notSeconds) {
            // an HTTP date, perhaps
        }
        try {
            long at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()
                            .toEpochMilli();
            // Whole seconds, as the header's own unit.
            return Math.max(UNREADABLE_MILLIS, (Math.max(0, at - now) + 999) / 1000 * 1000);
        } catch (DateTimeParseException notADate) {
            return UNREADABLE_MILLIS;
        }
    }
}
