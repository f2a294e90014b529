package io.trailwatch.ownership;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 and IPv6 literals as bytes, parsed without ever touching DNS. */
public final class IpAddress {
    private IpAddress() {}

    /** The address's bytes (4 or 16), or {@code null} when the text is not an IP literal. */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        long v4 = parseV4(text);
        if (v4 < 0) {
            return null;
        }
        return new byte[] {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4};
    }

    /**
     * A dotted-quad IPv4 address as an unsigned value, or -1 when the text is not one. Returns a
     * primitive so that callers on a per-record path (address scopes ask twice for every flow
     * record) can test ranges without allocating.
     */
    public static long parseV4(String s) {
        if (s == null) {
            return -1;
        }
        long result = 0;
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return -1;
                }
            } else if (c == '.') {
                if (value < 0 || part > 3) {
                    return -1;
                }
                result = result << 8 | value;
                part++;
                value = -1;
            } else {
                return -1;
            }
        }
        return part == 4 ? result : -1;
    }

    private static byte[] parseV6(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    c == ':'
                            || c == '.'
                            || c >= '0' && c <= '9'
                            || c >= 'a' && c <= 'f'
                            || c >= 'A' && c <= 'F';
            if (!ok) {
                return null;
            }
        }
        try {
            // Only hex digits, colons and dots reach here: a literal, which InetAddress parses
            // without DNS.
            // "::ffff:1.2.3.4" comes back as 4 bytes, so that IPv4 networks apply to it.
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
