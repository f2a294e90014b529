package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.model.CloudTrailRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void numbersAreDecimalNotationOnly() {
        assertThat(Values.number("12")).isEqualTo(12.0);
        assertThat(Values.number("-3.5")).isEqualTo(-3.5);
        assertThat(Values.number("1e3")).isEqualTo(1000.0);
        assertThat(Values.number(" 12 ")).isEqualTo(12.0);
        assertThat(Values.number(7L)).isEqualTo(7.0);
        // Java's own literals are text, not numbers (Double.valueOf would take them)
        assertThat(Values.number("7d")).isNull();
        assertThat(Values.number("5F")).isNull();
        assertThat(Values.number("0x1p3")).isNull();
        assertThat(Values.number("NaN")).isNull();
        assertThat(Values.number("Infinity")).isNull();
        assertThat(Values.number("")).isNull();
        assertThat(Values.number("abc")).isNull();
    }

    @Test
    void textFormOfNumbersAndBooleans() {
        assertThat(Values.text(5L)).isEqualTo("5");
        assertThat(Values.text(5.0)).isEqualTo("5");
        assertThat(Values.text(12.5)).isEqualTo("12.5");
        assertThat(Values.text(1e21)).isEqualTo("1000000000000000000000");
        assertThat(Values.text(false)).isEqualTo("false");
    }

    /** Found by CompiledMatcherPropertyTest: a bucket named 7d was greater than 0. */
    @Test
    void aTextThatJavaReadsAsANumberIsNotGreaterThanAnything() {
        SigmaRuleSet set =
                SigmaRuleSet.compile(
                        List.of(
                                new RuleFile(
                                        "gt.yml",
                                        "title: big\nid: 44444444-4444-4444-8444-444444444444\n"
                                                + "logsource:\n  product: aws\n  service: cloudtrail\n"
                                                + "detection:\n  sel:\n"
                                                + "    requestParameters.bucketName|gt: 0\n"
                                                + "  condition: sel\n")),
                        RuleRegistry.builtIn());
        assertThat(set.problems()).isEmpty();
        SigmaRule rule = set.rules().get(0);
        assertThat(match(rule, "{\"bucketName\":\"7d\"}")).isFalse();
        assertThat(match(rule, "{\"bucketName\":\"Infinity\"}")).isFalse();
        assertThat(match(rule, "{\"bucketName\":\"7\"}")).isTrue();
        assertThat(match(rule, "{\"bucketName\":7.5}")).isTrue();
        assertThat(match(rule, "{\"bucketName\":-7}")).isFalse();
    }

    private static boolean match(SigmaRule rule, String request) {
        return rule.matches(
                SigmaRecord.of(
                        CloudTrailRecord.call("s3.amazonaws.com", "CreateBucket")
                                .request(request)
                                .decode()));
    }
}
