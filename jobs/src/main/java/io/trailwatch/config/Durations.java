package io.trailwatch.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as written by people: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d}, {@code 0}, or
 * ISO-8601.
 */
public final class Durations {
    private Durations() {}

    /**
     * @throws IllegalArgumentException naming the value and the accepted forms
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
            long n = Long.parseLong(v.substring(0, v.length() - 1));
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
                "'" + value + "' is not a duration (examples: 90s, 15m, 2h, 1d, PT15M)");
    }

    /** The short form {@link #parse} reads, e.g. {@code 60m}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return "0";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
