package io.trailwatch.ingest;

/**
 * Whether a text is an IPv4 address in dotted-decimal form or an IPv6 address in the RFC 4291 text
 * forms, as flow logs write them. Checked without building an address: flow records are most of the
 * input.
 */
final class AddressSyntax {
    private AddressSyntax() {}

    static boolean isIpAddress(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return isIpAddress(b, 0, b.length);
    }

    /**
     * Whether {@code s[from, to)} is an address. IPv4 is tried first, in one pass: most flow
     * addresses are IPv4, and an IPv6 address fails that pass at its first colon.
     */
    static boolean isIpAddress(byte[] s, int from, int to) {
        return isIpv4(s, from, to) || isIpv6(s, from, to);
    }

    private static boolean isIpv4(byte[] s, int from, int to) {
        int parts = 0;
        int i = from;
        while (true) {
            int value = 0;
            int digits = 0;
            while (i < to && digits < 4) {
                byte c = s[i];
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return false;
            }
            parts++;
            if (i == to) {
                return parts == 4;
            }
            if (s[i] != '.' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    private static boolean isIpv6(byte[] s, int from, int to) {
        int groups = 0;
        boolean compressed = false;
        int i = from;
        if (to - from >= 2 && s[i] == ':' && s[i + 1] == ':') {
            compressed = true;
            i += 2;
            if (i == to) {
                return true;
            }
        } else if (i < to && s[i] == ':') {
            return false;
        }
        while (i < to) {
            int start = i;
            while (i < to && isHex(s[i])) {
                i++;
            }
            int length = i - start;
            if (i < to && s[i] == '.') {
                // an IPv4 address in the last two groups
                return isIpv4(s, start, to) && (compressed ? groups <= 5 : groups == 6);
            }
            if (length == 0 || length > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (s[i] != ':') {
                return false;
            }
            i++;
            if (i < to && s[i] == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return false;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean isHex(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
