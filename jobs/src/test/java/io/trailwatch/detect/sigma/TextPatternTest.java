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

    /**
     * A case-insensitive contains compares a region only where an ASCII character can start a
     * match: it agrees with comparing every region, Unicode case pairs included (the Kelvin sign
     * matches k, the dotted capital I matches i and I, the dotless i matches I).
     */
    @Test
    void caseInsensitiveContainsAgreesWithComparingEveryRegion() {
        Random random = new Random(20261208L);
        String alphabet = "kKiIaA-/\u212a\u0130\u0131\u00df\u00e9\u00c9";
        for (int i = 0; i < 20000; i++) {
            String needle = randomText(random, alphabet, 3);
            String text = randomText(random, alphabet, 12);
            if (needle.isEmpty()) {
                continue;
            }
            boolean expected = false;
            for (int at = 0; at + needle.length() <= text.length(); at++) {
                expected |= text.regionMatches(true, at, needle, 0, needle.length());
            }
            assertThat(m("*" + TextPattern.escape(needle) + "*", text))
                    .as("*%s* in %s", needle, text)
                    .isEqualTo(expected);
        }
        assertThat(m("*kali*", "aws-cli/2.15.30 Linux/6.6.9-amd64 exe/x86_64.KALI.2024")).isTrue();
        assertThat(m("*\u212aali*", "x86_64.kali.2024")).isTrue();
        assertThat(m("*kali*", "aws-cli/2.15.30 Linux/6.1 exe/x86_64.ubuntu.22")).isFalse();
    }
}
