package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.model.AwsRanges;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ip-ranges.json as AWS publishes it, and every way a file can fail to be that. */
class AwsRangesParserTest {
    @TempDir Path dir;

    @Test
    void readsEachPrefixOnceWithEveryServiceItIsListedUnder() {
        AwsRanges r = AwsRangesFiles.parsed();

        assertThat(r.syncToken).isEqualTo("1791964384");
        assertThat(r.createDate).isEqualTo("2026-10-13-21-53-04");
        assertThat(r.publishedAt()).isEqualTo(1_791_964_384L);
        assertThat(r.source).isEqualTo(AwsRangesFiles.RESOURCE);
        // 16 entries of the file, 9 distinct prefixes
        assertThat(r.prefixes)
                .containsExactly(
                        "3.5.140.0/22",
                        "13.32.0.0/15",
                        "15.181.232.0/21",
                        "34.240.0.0/13",
                        "52.94.76.0/22",
                        "52.208.0.0/13",
                        "52.210.0.0/16",
                        "2a05:d018::/36",
                        "2600:1f18::/33");
        assertThat(r.services)
                .containsExactly(
                        "AMAZON S3",
                        "AMAZON CLOUDFRONT",
                        "AMAZON EC2",
                        "AMAZON EC2",
                        "AMAZON",
                        "AMAZON EC2",
                        "AMAZON",
                        "AMAZON EC2",
                        "AMAZON EC2");
        // a Local Zone's network border group differs from its region
        assertThat(r.regions[2]).isEqualTo("us-west-2/us-west-2-lax-1");
        assertThat(r.regions[3]).isEqualTo("eu-west-1");
    }

    @Test
    void readsAFileFromDiskAndNamesItAsItsSource() throws Exception {
        Path file = Files.writeString(dir.resolve("ip-ranges.json"), AwsRangesFiles.text());

        AwsRanges r = AwsRangesParser.parse(file);

        assertThat(r.source).isEqualTo(file.toString());
        assertThat(r.prefixes).hasSize(9);
    }

    @Test
    void aMissingFileNamesTheFile() {
        Path missing = dir.resolve("gone.json");

        assertThatThrownBy(() -> AwsRangesParser.parse(missing))
                .isInstanceOf(AwsRangesException.class)
                .hasMessageStartingWith(missing + ": cannot be read");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            not JSON            | {"syncToken": "1791964384", "prefixes": [  | ip-ranges.json: not JSON:
            not an object       | ["3.5.140.0/22"]                           | ip-ranges.json: not a JSON object with syncToken, createDate and prefixes
            no syncToken        | {"createDate":"2026-10-13-21-53-04","prefixes":[]} | ip-ranges.json: syncToken: missing
            syncToken not digits| {"syncToken":"yesterday","createDate":"2026-10-13-21-53-04","prefixes":[]} | ip-ranges.json: syncToken: 'yesterday' is not digits (epoch seconds)
            syncToken a number  | {"syncToken":1791964384,"createDate":"2026-10-13-21-53-04","prefixes":[]} | ip-ranges.json: syncToken: not a string but number
            bad createDate      | {"syncToken":"1791964384","createDate":"2026-10-13","prefixes":[]} | ip-ranges.json: createDate: '2026-10-13' is not yyyy-MM-dd-HH-mm-ss
            no prefixes         | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04"} | ip-ranges.json: prefixes: missing, or not an array
            empty prefixes      | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[]} | ip-ranges.json: prefixes: empty; AWS's ranges always hold IPv4 prefixes
            prefix not a CIDR   | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"52.94.0.0/33","region":"us-east-1","service":"EC2"}]} | ip-ranges.json: prefixes[0].ip_prefix: '52.94.0.0/33' is not an IPv4 CIDR
            bare address        | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"52.94.0.1","region":"us-east-1","service":"EC2"}]} | ip-ranges.json: prefixes[0].ip_prefix: '52.94.0.1' is not an IPv4 CIDR
            IPv6 among IPv4     | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"2600:1f18::/33","region":"us-east-1","service":"EC2"}]} | ip-ranges.json: prefixes[0].ip_prefix: '2600:1f18::/33' is not an IPv4 CIDR
            the whole internet  | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"0.0.0.0/0","region":"GLOBAL","service":"AMAZON"}]} | ip-ranges.json: prefixes[0].ip_prefix: '0.0.0.0/0' is broader than /8, more than AWS announces as one range
            no service          | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"3.5.140.0/22","region":"ap-northeast-2"}]} | ip-ranges.json: prefixes[0].service: missing
            odd region          | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"3.5.140.0/22","region":"ap northeast","service":"S3"}]} | ip-ranges.json: prefixes[0].region: 'ap northeast' is not a region or GLOBAL
            IPv4 among IPv6     | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"3.5.140.0/22","region":"ap-northeast-2","service":"S3"}],"ipv6_prefixes":[{"ipv6_prefix":"3.5.140.0/22","region":"ap-northeast-2","service":"S3"}]} | ip-ranges.json: ipv6_prefixes[0].ipv6_prefix: '3.5.140.0/22' is not an IPv6 CIDR
            IPv6 too broad      | {"syncToken":"1791964384","createDate":"2026-10-13-21-53-04","prefixes":[{"ip_prefix":"3.5.140.0/22","region":"ap-northeast-2","service":"S3"}],"ipv6_prefixes":[{"ipv6_prefix":"2000::/3","region":"GLOBAL","service":"AMAZON"}]} | ip-ranges.json: ipv6_prefixes[0].ipv6_prefix: '2000::/3' is broader than /16, more than AWS announces as one range
            """)
    void aBrokenFileIsOneMessageNamingTheFileAndThePlace(String what, String json, String message) {
        assertThatThrownBy(
                        () ->
                                AwsRangesParser.parse(
                                        json.getBytes(StandardCharsets.UTF_8), "ip-ranges.json"))
                .as(what)
                .isInstanceOf(AwsRangesException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aRepeatedKeyIsRefusedRatherThanOneOfItsValuesTaken() {
        String json =
                "{\"syncToken\":\"1791964384\",\"syncToken\":\"1\",\"createDate\":\"2026-10-13-21-53-04\","
                        + "\"prefixes\":[]}";

        assertThatThrownBy(
                        () ->
                                AwsRangesParser.parse(
                                        json.getBytes(StandardCharsets.UTF_8), "ip-ranges.json"))
                .isInstanceOf(AwsRangesException.class)
                .hasMessageContaining("ip-ranges.json: not JSON: Duplicate field 'syncToken'");
    }
}
