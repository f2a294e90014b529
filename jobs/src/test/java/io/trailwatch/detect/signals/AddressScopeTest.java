package io.trailwatch.detect.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressScopeTest {
    private static final AddressScope TRUSTING =
            new AddressScope(
                    List.of("203.0.113.10/32", "203.0.113.64/27", "2001:db8:beef::/48", "junk"));

    @ParameterizedTest(name = "{0} public={1}")
    @CsvSource({
        // RFC 1918
        "10.20.3.14, false",
        "172.16.0.1, false",
        "172.31.255.255, false",
        "172.32.0.1, true",
        "192.168.1.1, false",
        // loopback, link-local (instance metadata), CGNAT
        "127.0.0.1, false",
        "169.254.169.254, false",
        "100.64.0.1, false",
        "100.127.255.254, false",
        "100.128.0.1, true",
        // never a host on the internet
        "0.0.0.0, false",
        "224.0.0.251, false",
        "255.255.255.255, false",
        // public
        "198.51.100.77, true",
        "192.0.2.44, true",
        "8.8.8.8, true",
        // IPv6
        "::1, false",
        "fe80::1, false",
        "fd12:3456::1, false",
        "ff02::1, false",
        "2001:db8:1::1, true",
        "::ffff:10.0.0.1, false",
        "::ffff:198.51.100.7, true",
        // not addresses at all: CloudTrail's service names
        "ec2.amazonaws.com, false",
        "AWS Internal, false",
        "'', false",
        "1.2.3, false",
        "1.2.3.456, false",
        // leading zeros: decimal, however many
        "010.0.0.1, false",
        "008.008.008.008, true",
        "0000000000010.0.0.1, false",
        "000000000008.8.8.8, true",
    })
    void specialRangesAreNotPublic(String address, boolean expected) {
        assertThat(AddressScope.untrusted().isPublic(address)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} public={1}")
    @CsvSource({
        "203.0.113.10, false",
        "203.0.113.11, true",
        "203.0.113.64, false",
        "203.0.113.95, false",
        "203.0.113.96, true",
        "2001:db8:beef:1::5, false",
        "2001:db8:bee0::5, true",
        "10.0.0.1, false",
    })
    void trustedRangesAreNotPublic(String address, boolean expected) {
        assertThat(TRUSTING.isPublic(address)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, true",
        "000000000010.0.0.1, true",
        "2001:db8::1, true",
        "AWS Internal, false",
        "s3.amazonaws.com, false"
    })
    void tellsAddressesFromServiceNames(String text, boolean expected) {
        assertThat(AddressScope.isIpAddress(text)).isEqualTo(expected);
    }
}
