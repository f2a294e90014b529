package io.trailwatch.detect.signals;

import io.trailwatch.ownership.Cidr;
import io.trailwatch.ownership.IpAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether an address is "public" in the sense of the windowed rules (docs/RULES.md): an IP address
 * that is not private (RFC 1918, IPv6 unique-local), loopback, link-local or carrier-grade NAT
 * (100.64.0.0/10), nor otherwise never a host on the internet (this-network, multicast, reserved),
 * and that is not in the trusted ranges given. IPv4 is checked on ints, without allocating: every
 * flow record asks twice.
 */
public final class AddressScope {
    /** {network, mask} pairs of the IPv4 ranges that are never a public host. */
    private static final int[][] INTERNAL_V4 = {
        v4("10.0.0.0", 8),
        v4("172.16.0.0", 12),
        v4("192.168.0.0", 16),
        v4("127.0.0.0", 8),
        v4("169.254.0.0", 16),
        v4("100.64.0.0", 10),
        v4("0.0.0.0", 8),
        v4("224.0.0.0", 4),
        v4("240.0.0.0", 4),
    };

    private static final Cidr[] INTERNAL_V6 = {
        Cidr.parse("::1/128"),
        Cidr.parse("::/128"),
        Cidr.parse("fe80::/10"),
        Cidr.parse("fc00::/7"),
        Cidr.parse("ff00::/8"),
    };

    private static final AddressScope NOTHING_TRUSTED = new AddressScope(List.of());

    private final int[][] trustedV4;
    private final Cidr[] trustedV6;

    /**
     * @param trustedCidrs ranges that count as inside (an owner's NAT, VPN or office); entries that
     *     are not CIDRs are ignored (the ownership table parser reports them)
     */
    public AddressScope(Collection<String> trustedCidrs) {
        List<int[]> v4 = new ArrayList<>();
        List<Cidr> v6 = new ArrayList<>();
        for (String text : trustedCidrs) {
            Cidr c = Cidr.parse(text);
            if (c == null) {
                continue;
            }
            if (c.isIpv4()) {
                int slash = text.indexOf('/');
                v4.add(v4(slash < 0 ? text : text.substring(0, slash), c.prefixLength()));
            } else {
                v6.add(c);
            }
        }
        this.trustedV4 = v4.toArray(new int[0][]);
        this.trustedV6 = v6.toArray(new Cidr[0]);
    }

    /** A scope that trusts no range: only the address itself decides. */
    public static AddressScope untrusted() {
        return NOTHING_TRUSTED;
    }

    /** Whether the text is an IP literal at all (CloudTrail also gives service names). */
    public static boolean isIpAddress(String text) {
        return IpAddress.parseV4(text) >= 0 || IpAddress.parse(text) != null;
    }

    /** An IP address outside every internal and trusted range; service names are not public. */
    public boolean isPublic(String address) {
        long v4 = IpAddress.parseV4(address);
        if (v4 >= 0) {
            int a = (int) v4;
            return !in(a, INTERNAL_V4) && !in(a, trustedV4);
        }
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null) {
            return false;
        }
        if (bytes.length == 4) {
            // an IPv4-mapped IPv6 literal
            int a = toInt(bytes);
            return !in(a, INTERNAL_V4) && !in(a, trustedV4);
        }
        for (Cidr c : INTERNAL_V6) {
            if (c.contains(bytes)) {
                return false;
            }
        }
        for (Cidr c : trustedV6) {
            if (c.contains(bytes)) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(int address, int[][] ranges) {
        for (int[] r : ranges) {
            if ((address & r[1]) == r[0]) {
                return true;
            }
        }
        return false;
    }

    private static int toInt(byte[] b) {
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static int[] v4(String network, int prefix) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return new int[] {(int) IpAddress.parseV4(network) & mask, mask};
    }
}
