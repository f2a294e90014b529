package io.trailwatch.detect.sigma;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a record's value compares as text: Sigma matches numbers and booleans by their string form.
 */
final class Values {
    /**
     * Decimal notation as JSON writes numbers; not Java's extras ({@code 7d}, {@code 0x1p3}, NaN).
     */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

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
            String t = s.trim();
            if (!DECIMAL.matcher(t).matches()) {
                return null;
            }
            try {
                return Double.valueOf(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The number a text is the canonical decimal form of (as {@code Long.toString} writes it), or
     * {@code null}: "22" is 22, but "022", "+22" and "22.0" are not, since their text differs from
     * the number's.
     */
    static Long canonicalLong(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return null;
        }
        try {
            long n = Long.parseLong(text);
            return Long.toString(n).equals(text) ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
