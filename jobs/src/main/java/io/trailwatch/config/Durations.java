package io.trailwatch.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as people write them: {@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d},
 * {@code 0}, or ISO-8601.
 */
public final class Durations {
    private Durations() {}

    /**
     * @throws IllegalArgumentException naming the value and showing valid examples
     */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim();
        try {
            if (v.equals("0")) {
                return Duration.ZERO;
            }
            if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            String number =
                    v.endsWith("ms")
                            ? v.substring(0, v.length() - 2)
                            : v.substring(0, v.length() - 1);
            long n = Long.parseLong(number.trim());
            if (v.endsWith("ms")) {
                return Duration.ofMillis(n);
            }
            switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
                case 's':
                    return Duration.ofSeconds(n);
                case 'm':
                    return Duration.ofMinutes(n);
                case 'h':
                    return Duration.ofHours(n);
                case 'd':
                    return Duration.ofDays(n);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "'" + value + "' is not a duration (examples: 500ms, 90s, 15m, 2h, 1d, 0, PT15M)");
    }

    /** The shortest of the forms {@link #parse} reads, for messages and documentation. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0";
        }
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }
}
