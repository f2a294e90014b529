package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextPatternTest {
    private static boolean m(String sigma, String text) {
        return TextPattern.of(sigma, false).matches(text);
    }

    private static boolean cased(String sigma, String text) {
        return TextPattern.of(sigma, true).matches(text);
    }

    @Test
    void plainValueIsWholeValueEquality() {
        assertThat(m("DeleteTrail", "DeleteTrail")).isTrue();
        assertThat(m("DeleteTrail", "deletetrail")).isTrue();
        assertThat(m("DeleteTrail", "DeleteTrails")).isFalse();
        assertThat(m("DeleteTrail", "xDeleteTrail")).isFalse();
        assertThat(m("", "")).isTrue();
        assertThat(m("", " ")).isFalse();
    }

    @Test
    void trailingStarIsPrefix() {
        assertThat(m("Delete*", "DeleteTrail")).isTrue();
        assertThat(m("Delete*", "delete")).isTrue();
        assertThat(m("Delete*", "UndeleteTrail")).isFalse();
        assertThat(m("Delete*", "Delet")).isFalse();
    }

    @Test
    void leadingStarIsSuffix() {
        assertThat(m("*Trail", "DeleteTRAIL")).isTrue();
        assertThat(m("*Trail", "Trail")).isTrue();
        assertThat(m("*Trail", "Trails")).isFalse();
        assertThat(m("*Trail", "rail")).isFalse();
    }

    @Test
    void starsOnBothSidesIsSubstring() {
        assertThat(m("*Log*", "StopLogging")).isTrue();
        assertThat(m("*Log*", "log")).isTrue();
        assertThat(m("*Log*", "Lo g")).isFalse();
        assertThat(m("**Log**", "xLOGx")).isTrue();
        assertThat(m("*", "")).isTrue();
        assertThat(m("*", "anything at all")).isTrue();
    }

    @Test
    void starsInsideAndQuestionMarks() {
        assertThat(m("a*b*c", "aXXbYc")).isTrue();
        assertThat(m("a*b*c", "ABC")).isTrue();
        assertThat(m("a*b*c", "acb")).isFalse();
        assertThat(m("a?c", "abc")).isTrue();
        assertThat(m("a?c", "a*c")).isTrue();
        assertThat(m("a?c", "ac")).isFalse();
        assertThat(m("a?c", "abbc")).isFalse();
        assertThat(m("?", "")).isFalse();
        assertThat(m("??", "ab")).isTrue();
        assertThat(m("*?", "")).isFalse();
        assertThat(m("*?", "x")).isTrue();
        // a wildcard spans line breaks
        assertThat(m("a*c", "a\nb\nc")).isTrue();
        assertThat(m("a?c", "a\nc")).isTrue();
    }

    @Test
    void escapesMakeWildcardsAndBackslashLiteral() {
        assertThat(m("a\\*b", "a*b")).isTrue();
        assertThat(m("a\\*b", "axb")).isFalse();
        assertThat(m("a\\?b", "a?b")).isTrue();
        assertThat(m("a\\?b", "axb")).isFalse();
        // \\ is one backslash, and the star after it stays a wildcard
        assertThat(m("C:\\\\*", "C:\\Windows")).isTrue();
        assertThat(m("C:\\\\*", "C:Windows")).isFalse();
        // a backslash before another character is itself
        assertThat(m("C:\\Windows", "C:\\Windows")).isTrue();
        assertThat(m("a\\", "a\\")).isTrue();
        assertThat(m("*\\**", "x*y")).isTrue();
        assertThat(m("*\\**", "xy")).isFalse();
    }

    @Test
    void casedComparesCaseSensitivelyInEveryShape() {
        assertThat(cased("Delete", "Delete")).isTrue();
        assertThat(cased("Delete", "delete")).isFalse();
        assertThat(cased("Del*", "delete")).isFalse();
        assertThat(cased("*ete", "DELETE")).isFalse();
        assertThat(cased("*let*", "DELETE")).isFalse();
        assertThat(cased("D?l*e", "dele")).isFalse();
        assertThat(cased("D?l*e", "Delete")).isTrue();
        assertThat(m("D?l*e", "dElEtE")).isTrue();
        assertThat(m("*é*", "CAFÉ")).isTrue();
    }

    @Test
    void plainIsTheLiteralTextOfValuesWithoutWildcards() {
        assertThat(TextPattern.plain("abc")).isEqualTo("abc");
        assertThat(TextPattern.plain("a\\*c")).isEqualTo("a*c");
        assertThat(TextPattern.plain("")).isEqualTo("");
        assertThat(TextPattern.plain("a*")).isNull();
        assertThat(TextPattern.plain("a?")).isNull();
    }

    @Test
    void anEscapedLiteralMatchesItselfOnly() {
        Random random = new Random(20261207L);
        String alphabet = "ab*?\\A";
        for (int i = 0; i < 5000; i++) {
            String s = randomText(random, alphabet, 6);
            String escaped = TextPattern.escape(s);
            assertThat(TextPattern.plain(escaped)).as("plain(escape(%s))", s).isEqualTo(s);
            assertThat(TextPattern.of(escaped, true).matches(s)).as("escape(%s)", s).isTrue();
            String other = randomText(random, alphabet, 6);
            assertThat(TextPattern.of(escaped, true).matches(other))
                    .as("escape(%s) against %s", s, other)
                    .isEqualTo(other.equals(s));
        }
    }

    private static String randomText(Random random, String alphabet, int max) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
