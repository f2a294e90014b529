package io.trailwatch.detect.sigma;

import java.math.BigDecimal;

/**
 * How a record's value compares as text: Sigma matches numbers and booleans by their string form.
 */
final class Values {
    private Values() {}

    /** The string form of a non-null value. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            if (d.isInfinite() || d.isNaN()) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** The value as a number, or {@code null} when it is not one. */
    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isEmpty() && s.length() < 64) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
