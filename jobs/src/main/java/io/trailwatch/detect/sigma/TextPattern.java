package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Sigma string value: {@code *} any run of characters, {@code ?} one character, {@code \*},
 * {@code \?} and {@code \\} the characters themselves; case-insensitive unless cased. Compiled to
 * the cheapest test that gives the same answer: equality, prefix, suffix, substring, else a regular
 * expression over the whole value.
 */
final class TextPattern {
    private enum Shape {
        EQUALS,
        STARTS,
        ENDS,
        CONTAINS,
        ANY,
        REGEX
    }

    private final Shape shape;
    private final String literal;
    private final boolean cased;
    private final Pattern regex;

    /**
     * For a case-insensitive contains: which ASCII characters can start a match, so that the scan
     * compares a region only where one does (an ASCII character is all a user agent or an ARN has).
     */
    private final boolean[] asciiStarts;

    private TextPattern(Shape shape, String literal, boolean cased, Pattern regex) {
        this.shape = shape;
        this.literal = literal;
        this.cased = cased;
        this.regex = regex;
        this.asciiStarts =
                shape == Shape.CONTAINS && !cased && !literal.isEmpty() ? starts(literal) : null;
    }

    private static boolean[] starts(String literal) {
        boolean[] out = new boolean[128];
        String first = literal.substring(0, 1);
        for (char c = 0; c < 128; c++) {
            out[c] = String.valueOf(c).regionMatches(true, 0, first, 0, 1);
        }
        return out;
    }

    /** Parts of a value: literal text, and wildcards as the characters '*' and '?' flagged. */
    private record Part(String literal, char wildcard) {}

    static TextPattern of(String sigma, boolean cased) {
        List<Part> parts = parse(sigma);
        int n = parts.size();
        boolean onlyStars = parts.stream().noneMatch(p -> p.wildcard == '?');
        if (n == 0) {
            return new TextPattern(Shape.EQUALS, "", cased, null);
        }
        if (onlyStars) {
            if (n == 1 && parts.get(0).literal != null) {
                return new TextPattern(Shape.EQUALS, parts.get(0).literal, cased, null);
            }
            if (parts.stream().allMatch(p -> p.literal == null)) {
                return new TextPattern(Shape.ANY, "", cased, null);
            }
            if (n == 2 && parts.get(0).literal != null) {
                return new TextPattern(Shape.STARTS, parts.get(0).literal, cased, null);
            }
            if (n == 2 && parts.get(1).literal != null) {
                return new TextPattern(Shape.ENDS, parts.get(1).literal, cased, null);
            }
            if (n == 3 && parts.get(1).literal != null) {
                return new TextPattern(Shape.CONTAINS, parts.get(1).literal, cased, null);
            }
        }
        StringBuilder re = new StringBuilder();
        for (Part p : parts) {
            if (p.literal != null) {
                re.append(Pattern.quote(p.literal));
            } else {
                re.append(p.wildcard == '*' ? ".*" : ".");
            }
        }
        int flags = Pattern.DOTALL | (cased ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return new TextPattern(Shape.REGEX, null, cased, Pattern.compile(re.toString(), flags));
    }

    /** The value as plain text when it has no wildcard, else {@code null}. */
    static String plain(String sigma) {
        List<Part> parts = parse(sigma);
        if (parts.isEmpty()) {
            return "";
        }
        return parts.size() == 1 && parts.get(0).literal != null ? parts.get(0).literal : null;
    }

    /** Escapes the wildcard characters of literal text. */
    static String escape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?') {
                sb.append('\\');
            } else if (c == '\\'
                    && (i + 1 == literal.length() || "*?\\".indexOf(literal.charAt(i + 1)) >= 0)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    boolean matches(String text) {
        switch (shape) {
            case EQUALS:
                return cased ? text.equals(literal) : text.equalsIgnoreCase(literal);
            case STARTS:
                return text.regionMatches(!cased, 0, literal, 0, literal.length());
            case ENDS:
                return text.length() >= literal.length()
                        && text.regionMatches(
                                !cased,
                                text.length() - literal.length(),
                                literal,
                                0,
                                literal.length());
            case CONTAINS:
                return contains(text);
            case ANY:
                return true;
            default:
                return regex.matcher(text).matches();
        }
    }

    private boolean contains(String text) {
        if (asciiStarts == null) {
            // cased, or nothing to find
            return text.contains(literal);
        }
        int m = literal.length();
        int last = text.length() - m;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c < 128 && !asciiStarts[c]) {
                continue;
            }
            if (text.regionMatches(true, i, literal, 0, m)) {
                return true;
            }
        }
        return false;
    }

    private static List<Part> parse(String sigma) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < sigma.length(); i++) {
            char c = sigma.charAt(i);
            if (c == '\\' && i + 1 < sigma.length() && "*?\\".indexOf(sigma.charAt(i + 1)) >= 0) {
                lit.append(sigma.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (lit.length() > 0) {
                    parts.add(new Part(lit.toString(), (char) 0));
                    lit.setLength(0);
                }
                boolean repeatStar =
                        c == '*' && !parts.isEmpty() && parts.get(parts.size() - 1).wildcard == '*';
                if (!repeatStar) {
                    parts.add(new Part(null, c));
                }
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            parts.add(new Part(lit.toString(), (char) 0));
        }
        return parts;
    }

    @Override
    public String toString() {
        return shape + " " + (regex != null ? regex.pattern() : literal.toLowerCase(Locale.ROOT));
    }
}
