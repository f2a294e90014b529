package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link IpAddress#parseV4} and {@link IpAddress#parse} agree on every dotted quad and non-one. */
class IpAddressTest {
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "0.0.0.0, 0.0.0.0",
                "255.255.255.255, 255.255.255.255",
                "10.20.3.14, 10.20.3.14",
                "198.51.100.7, 198.51.100.7",
                // leading zeros are decimal, not octal
                "010.0.0.1, 10.0.0.1",
                "001.02.0003.4, 1.2.3.4",
                // longer than any dotted quad without leading zeros (15 characters)
                "000000000001.2.3.4, 1.2.3.4",
                "256.0.0.1, none",
                "1.2.3.256, none",
                "99999999999.1.1.1, none",
                "1.2.3, none",
                "1.2.3.4.5, none",
                "1..3.4, none",
                ".1.2.3, none",
                "1.2.3., none",
                "'', none",
                "' 1.2.3.4', none",
                "'1.2.3.4 ', none",
                "1.2.3.4/32, none",
                "1.2.3.-4, none",
                "+1.2.3.4, none",
                "a.b.c.d, none",
                "١.٢.٣.٤, none",
                "ec2.amazonaws.com, none",
                "none, none",
            })
    void dottedQuads(String text, String expected) throws Exception {
        if (expected == null) {
            assertThat(IpAddress.parse(text)).isNull();
            assertThat(IpAddress.parseV4(text)).isEqualTo(-1);
        } else {
            byte[] bytes = InetAddress.getByName(expected).getAddress();
            assertThat(IpAddress.parse(text)).containsExactly(bytes);
            assertThat(IpAddress.parseV4(text))
                    .isEqualTo(Integer.toUnsignedLong(ByteBuffer.wrap(bytes).getInt()));
        }
    }

    @Test
    void ipv4MappedIpv6IsFourBytesButNotADottedQuad() {
        assertThat(IpAddress.parse("::ffff:198.51.100.7")).containsExactly(198, 51, 100, 7);
        assertThat(IpAddress.parseV4("::ffff:198.51.100.7")).isEqualTo(-1);
    }
}
