package io.trailwatch.ownership;

import java.util.Arrays;

/** An IPv4 or IPv6 network in CIDR notation; a bare address is a single-host network. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** The network, or {@code null} when the text is not a CIDR or IP literal. */
    public static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpAddress.parse(addr);
        if (bytes == null) {
            return null;
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                return null;
            }
        }
        return new Cidr(mask(bytes, prefix), prefix, text);
    }

    public int prefixLength() {
        return prefix;
    }

    public boolean isIpv4() {
        return network.length == 4;
    }

    public boolean contains(byte[] address) {
        return address != null
                && address.length == network.length
                && Arrays.equals(mask(address, prefix), network);
    }

    public boolean contains(String address) {
        return contains(IpAddress.parse(address));
    }

    /** A key that equals {@link #key(byte[], int)} of every address inside this network. */
    String key() {
        return key(network, prefix);
    }

    static String key(byte[] address, int prefix) {
        byte[] m = mask(address, prefix);
        StringBuilder sb = new StringBuilder(m.length * 2 + 4);
        for (byte b : m) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16))
                    .append(Character.forDigit(b & 0xf, 16));
        }
        return sb.append('/').append(prefix).toString();
    }

    static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
