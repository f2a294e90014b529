package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void containsAddressesOfItsNetworkOnly() {
        Cidr c = Cidr.parse("10.20.0.0/16");

        assertThat(c.contains("10.20.255.1")).isTrue();
        assertThat(c.contains("10.21.0.1")).isFalse();
        assertThat(c.contains("2001:db8::1")).isFalse();
        assertThat(c.contains("not-an-ip")).isFalse();
    }

    @Test
    void handlesIpv6AndBareAddresses() {
        assertThat(Cidr.parse("2001:db8::/32").contains("2001:db8:1::5")).isTrue();
        assertThat(Cidr.parse("::/0").contains("2600:1f18::1")).isTrue();
        assertThat(Cidr.parse("203.0.113.10").contains("203.0.113.10")).isTrue();
        assertThat(Cidr.parse("203.0.113.10").contains("203.0.113.11")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
    }

    @Test
    void refusesWhatIsNotACidr() {
        assertThat(Cidr.parse("10.0.0.0/33")).isNull();
        assertThat(Cidr.parse("10.0.0/8")).isNull();
        assertThat(Cidr.parse("256.0.0.0/8")).isNull();
        assertThat(Cidr.parse("example.com")).isNull();
        assertThat(Cidr.parse("10.0.0.0/")).isNull();
        assertThat(IpAddress.parse("ec2.amazonaws.com")).isNull();
        assertThat(IpAddress.parse("AWS Internal")).isNull();
    }
}
