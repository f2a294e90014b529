package io.trailwatch.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT15M}). */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim();
        try {
            if (v.toUpperCase().startsWith("P")) {
                return Duration.parse(v.toUpperCase());
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
        throw new TypeConversionException(
                "'" + value + "' is not a duration (examples: 90s, 15m, 2h, 1d, PT15M)");
    }
}
