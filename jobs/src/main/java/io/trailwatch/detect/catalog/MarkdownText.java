package io.trailwatch.detect.catalog;

import java.util.Collection;
import java.util.StringJoiner;

/**
 * Values from the ownership table in a Markdown document: one line each (a line break would end a
 * table row or a heading), with the characters escaped that would end a table cell ({@code |}),
 * escape the next one ({@code \}) or open raw HTML ({@code <}).
 */
final class MarkdownText {
    private MarkdownText() {}

    /** A value for a table cell or a heading; {@code null} is empty. */
    static String inline(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '|' -> s.append("\\|");
                case '<' -> s.append("&lt;");
                case '\r', '\n', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> s.append(' ');
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Values joined with ", ", each made {@link #inline}. */
    static String list(Collection<String> values) {
        StringJoiner j = new StringJoiner(", ");
        for (String v : values) {
            j.add(inline(v));
        }
        return j.toString();
    }
}
