package io.trailwatch.ownership;

import java.io.Serializable;

/**
 * The broadest range a {@code trusted_cidrs} value may name, per IP version, unless its row says
 * {@code allow_broad_trust}. Every row's trusted ranges count as the organization's own addresses
 * for the rules on public addresses, everywhere, so one row trusting {@code 0.0.0.0/0} would switch
 * those rules off for every team.
 */
public final class TrustedCidrLimit implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Nothing one organization holds is broader than an IPv4 /8 (a former class A) or an IPv6 /16
     * (registries allocate /32 and longer); a broader range is a share of the internet at large.
     */
    public static final TrustedCidrLimit DEFAULT = new TrustedCidrLimit(8, 16);

    private final int ipv4;
    private final int ipv6;

    private TrustedCidrLimit(int ipv4, int ipv6) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
    }

    /**
     * Reads {@code /8,/16}: the shortest prefix allowed for IPv4, then for IPv6 (the slashes may be
     * left out; {@code /0,/0} allows every range).
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static TrustedCidrLimit parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length == 2) {
            int v4 = prefix(parts[0], 32);
            int v6 = prefix(parts[1], 128);
            if (v4 >= 0 && v6 >= 0) {
                return new TrustedCidrLimit(v4, v6);
            }
        }
        throw new IllegalArgumentException(
                "'"
                        + text
                        + "' is not two prefix lengths, IPv4 (0-32) then IPv6 (0-128), such as "
                        + DEFAULT);
    }

    private static int prefix(String part, int max) {
        String p = part.strip();
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int n = Integer.parseInt(p);
        return n <= max ? n : -1;
    }

    /** The shortest prefix a trusted range of this range's IP version may have. */
    public int shortestPrefix(Cidr range) {
        return range.isIpv4() ? ipv4 : ipv6;
    }

    public boolean allows(Cidr range) {
        return range.prefixLength() >= shortestPrefix(range);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedCidrLimit other && other.ipv4 == ipv4 && other.ipv6 == ipv6;
    }

    @Override
    public int hashCode() {
        return ipv4 * 131 + ipv6;
    }

    /** As {@link #parse} reads it: {@code /8,/16}. */
    @Override
    public String toString() {
        return "/" + ipv4 + ",/" + ipv6;
    }
}
