package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.model.CloudTrailRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value ending in a lone backslash (a literal backslash, as Windows paths end) must keep its
 * backslash when contains, startswith or a keyword adds a wildcard after it. Found by
 * CompiledMatcherPropertyTest: {@code *ab\*} had turned the added star into a literal one.
 */
class TrailingBackslashTest {
    private static SigmaRule rule(String selection) {
        SigmaRuleSet set =
                SigmaRuleSet.compile(
                        List.of(
                                new RuleFile(
                                        "b.yml",
                                        "title: b\nid: 55555555-5555-4555-8555-555555555555\n"
                                                + "logsource:\n  product: aws\n  service: cloudtrail\n"
                                                + "detection:\n  sel:\n"
                                                + selection
                                                + "  condition: sel\n")),
                        RuleRegistry.builtIn());
        assertThat(set.problems()).isEmpty();
        return set.rules().get(0);
    }

    private static boolean matches(SigmaRule rule, String userAgent) {
        return rule.matches(
                SigmaRecord.of(
                        CloudTrailRecord.call("s3.amazonaws.com", "GetObject")
                                .request("{\"ua\":\"" + userAgent.replace("\\", "\\\\") + "\"}")
                                .decode()));
    }

    @Test
    void containsKeepsATrailingBackslash() {
        SigmaRule r = rule("    requestParameters.ua|contains: 'C:\\Tools\\'\n");
        assertThat(matches(r, "run C:\\Tools\\x.exe")).isTrue();
        assertThat(matches(r, "C:\\Tools\\")).isTrue();
        assertThat(matches(r, "C:\\Tools*")).isFalse();
        assertThat(matches(r, "C:\\Tools")).isFalse();
    }

    @Test
    void startswithKeepsATrailingBackslash() {
        SigmaRule r = rule("    requestParameters.ua|startswith: 'C:\\Tools\\'\n");
        assertThat(matches(r, "C:\\Tools\\x.exe")).isTrue();
        assertThat(matches(r, "C:\\Tools*")).isFalse();
        assertThat(matches(r, "x C:\\Tools\\")).isFalse();
    }

    @Test
    void anEscapedBackslashOrStarAtTheEndIsUnchanged() {
        // \\ is one backslash; \* a literal star
        SigmaRule backslash = rule("    requestParameters.ua|contains: 'Tools\\\\'\n");
        assertThat(matches(backslash, "C:\\Tools\\x")).isTrue();
        assertThat(matches(backslash, "C:\\Tools")).isFalse();
        SigmaRule star = rule("    requestParameters.ua|startswith: 'a\\*'\n");
        assertThat(matches(star, "a*b")).isTrue();
        assertThat(matches(star, "ab")).isFalse();
        // three backslashes: an escaped one, then a lone one: two literal backslashes
        SigmaRule three = rule("    requestParameters.ua|contains: 'x\\\\\\'\n");
        assertThat(matches(three, "ax\\\\b")).isTrue();
        assertThat(matches(three, "ax\\b")).isFalse();
    }

    @Test
    void endswithAndEqualityWereRightAlready() {
        assertThat(matches(rule("    requestParameters.ua|endswith: 'Tools\\'\n"), "C:\\Tools\\"))
                .isTrue();
        assertThat(matches(rule("    requestParameters.ua: 'C:\\'\n"), "C:\\")).isTrue();
    }

    @Test
    void keywordsKeepATrailingBackslash() {
        SigmaRuleSet set =
                SigmaRuleSet.compile(
                        List.of(
                                new RuleFile(
                                        "k.yml",
                                        "title: k\nid: 66666666-6666-4666-8666-666666666666\n"
                                                + "logsource:\n  product: aws\n  service: cloudtrail\n"
                                                + "detection:\n  words:\n    - 'Tools\\'\n"
                                                + "  condition: words\n")),
                        RuleRegistry.builtIn());
        assertThat(set.problems()).isEmpty();
        SigmaRule r = set.rules().get(0);
        assertThat(matches(r, "C:\\Tools\\x")).isTrue();
        assertThat(matches(r, "C:\\Tools*x")).isFalse();
    }
}
