package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.AwsRanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsRangeIndexTest {
    private static final AwsRangeIndex INDEX = AwsRangeIndex.of(AwsRangesFiles.parsed());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            34.241.2.9             | 34.240.0.0/13 eu-west-1 AMAZON EC2
            34.247.255.255         | 34.240.0.0/13 eu-west-1 AMAZON EC2
            52.212.40.3            | 52.208.0.0/13 eu-west-1 AMAZON EC2
            3.5.141.20             | 3.5.140.0/22 ap-northeast-2 AMAZON S3
            13.33.0.1              | 13.32.0.0/15 GLOBAL AMAZON CLOUDFRONT
            15.181.233.4           | 15.181.232.0/21 us-west-2/us-west-2-lax-1 AMAZON EC2
            52.94.77.1             | 52.94.76.0/22 us-west-2 AMAZON
            2a05:d018:234::5       | 2a05:d018::/36 eu-west-1 AMAZON EC2
            2600:1f18:7fff:ffff::1 | 2600:1f18::/33 us-east-1 AMAZON EC2
            ::ffff:34.241.2.9      | 34.240.0.0/13 eu-west-1 AMAZON EC2
            """)
    void findsThePrefixHoldingAnAddress(String address, String range) {
        assertThat(INDEX.find(address)).hasToString(range);
    }

    @Test
    void aNarrowerPrefixInsideAnotherIsListedUnderTheServicesOfBoth() {
        // 52.210.0.0/16 is listed under AMAZON only, inside the EC2 52.208.0.0/13
        AwsRange r = INDEX.find("52.210.14.7");

        assertThat(r.prefix()).isEqualTo("52.210.0.0/16");
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(r.services()).isEqualTo("AMAZON EC2");
    }

    @ParameterizedTest
    @CsvSource({
        "198.51.100.77",
        "34.248.0.1",
        "34.239.255.255",
        "52.94.80.1",
        "10.20.1.37",
        "2a05:d018:1000::1:0:0:0:1",
        "2600:1f18:8000::1",
        "ec2.amazonaws.com",
        "AWS Internal",
        "''"
    })
    void addressesOutsideThePublishedPrefixesAreNotAws(String address) {
        assertThat(INDEX.find(address)).isNull();
    }

    @Test
    void onePrefixOrNoneAtAll() {
        AwsRanges one =
                new AwsRanges(
                        "t",
                        "1",
                        "2026-10-13-21-53-04",
                        new String[0],
                        new String[0],
                        new String[0]);
        assertThat(AwsRangeIndex.of(one).find("34.241.2.9")).isNull();
        assertThat(AwsRangeIndex.of(one).size()).isZero();
        assertThat(INDEX.size()).isEqualTo(9);
    }
}
