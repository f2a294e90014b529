package io.trailwatch.ownership;

import io.trailwatch.model.AwsRanges;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the most specific of AWS's published prefixes that holds an address. The prefixes of each
 * length are a sorted array of their networks, and a lookup tries the lengths that occur, longest
 * first, with a binary search each: some fifteen searches over the ten thousand prefixes AWS
 * publishes, and an IPv4 address is looked up without allocating.
 */
public final class AwsRangeIndex {
    private final int[] v4Lengths;
    private final long[][] v4Networks;
    private final AwsRange[][] v4Ranges;
    private final int[] v6Lengths;
    private final long[][] v6High;
    private final long[][] v6Low;
    private final AwsRange[][] v6Ranges;
    private final int size;

    private AwsRangeIndex(Map<Integer, List<V4>> v4, Map<Integer, List<V6>> v6, int size) {
        this.size = size;
        int n = v4.size();
        v4Lengths = new int[n];
        v4Networks = new long[n][];
        v4Ranges = new AwsRange[n][];
        int i = 0;
        for (Map.Entry<Integer, List<V4>> e : v4.entrySet()) {
            List<V4> list = e.getValue();
            list.sort(Comparator.comparingLong(x -> x.network));
            v4Lengths[i] = e.getKey();
            v4Networks[i] = list.stream().mapToLong(x -> x.network).toArray();
            v4Ranges[i] = list.stream().map(x -> x.range).toArray(AwsRange[]::new);
            i++;
        }
        int m = v6.size();
        v6Lengths = new int[m];
        v6High = new long[m][];
        v6Low = new long[m][];
        v6Ranges = new AwsRange[m][];
        int j = 0;
        for (Map.Entry<Integer, List<V6>> e : v6.entrySet()) {
            List<V6> list = e.getValue();
            list.sort(Comparator.comparingLong((V6 x) -> x.high).thenComparingLong(x -> x.low));
            v6Lengths[j] = e.getKey();
            v6High[j] = list.stream().mapToLong(x -> x.high).toArray();
            v6Low[j] = list.stream().mapToLong(x -> x.low).toArray();
            v6Ranges[j] = list.stream().map(x -> x.range).toArray(AwsRange[]::new);
            j++;
        }
    }

    /**
     * The index of parsed ranges (whose prefixes the parser checked). A prefix is listed under the
     * services of every published prefix that holds it: AWS publishes, say, an EC2 /13 and an
     * AMAZON /16 inside it, and an address of that /16 is EC2's too.
     */
    public static AwsRangeIndex of(AwsRanges ranges) {
        Map<String, Published> byKey = new HashMap<>();
        List<Published> all = new ArrayList<>();
        TreeSet<Integer> v4Lengths = new TreeSet<>();
        TreeSet<Integer> v6Lengths = new TreeSet<>();
        for (int i = 0; i < ranges.prefixes.length; i++) {
            Cidr cidr = Cidr.parse(ranges.prefixes[i]);
            if (cidr == null) {
                continue;
            }
            byte[] network = Cidr.mask(cidrBytes(ranges.prefixes[i]), cidr.prefixLength());
            Published p = new Published(i, network, cidr.prefixLength());
            if (byKey.putIfAbsent(cidr.key(), p) == null) {
                all.add(p);
                (cidr.isIpv4() ? v4Lengths : v6Lengths).add(cidr.prefixLength());
            }
        }
        Map<Integer, List<V4>> v4 = new TreeMap<>(Comparator.reverseOrder());
        Map<Integer, List<V6>> v6 = new TreeMap<>(Comparator.reverseOrder());
        for (Published p : all) {
            TreeSet<String> services = new TreeSet<>(List.of(ranges.services[p.index].split(" ")));
            boolean ipv4 = p.network.length == 4;
            for (int shorter : (ipv4 ? v4Lengths : v6Lengths).headSet(p.length)) {
                Published holder = byKey.get(Cidr.key(p.network, shorter));
                if (holder != null) {
                    services.addAll(List.of(ranges.services[holder.index].split(" ")));
                }
            }
            AwsRange range =
                    new AwsRange(
                            ranges.prefixes[p.index],
                            ranges.regions[p.index],
                            String.join(" ", services));
            if (ipv4) {
                v4.computeIfAbsent(p.length, k -> new ArrayList<>())
                        .add(new V4(toLong(p.network), range));
            } else {
                v6.computeIfAbsent(p.length, k -> new ArrayList<>())
                        .add(new V6(half(p.network, 0), half(p.network, 8), range));
            }
        }
        return new AwsRangeIndex(v4, v6, all.size());
    }

    /** How many prefixes the index holds. */
    public int size() {
        return size;
    }

    /**
     * The most specific published prefix holding the address, or {@code null} when none does or the
     * text is not an IP literal (CloudTrail also gives service names).
     */
    public AwsRange find(String address) {
        long v4 = IpAddress.parseV4(address);
        if (v4 >= 0) {
            return findV4(v4);
        }
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 4) {
            // an IPv4-mapped IPv6 literal
            return findV4(toLong(bytes));
        }
        return findV6(half(bytes, 0), half(bytes, 8));
    }

    private AwsRange findV4(long address) {
        for (int i = 0; i < v4Lengths.length; i++) {
            int length = v4Lengths[i];
            long mask = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
            int at = Arrays.binarySearch(v4Networks[i], address & mask);
            if (at >= 0) {
                return v4Ranges[i][at];
            }
        }
        return null;
    }

    private AwsRange findV6(long high, long low) {
        for (int i = 0; i < v6Lengths.length; i++) {
            int length = v6Lengths[i];
            long h = high & mask(length);
            long l = low & mask(length - 64);
            int at = search(v6High[i], v6Low[i], h, l);
            if (at >= 0) {
                return v6Ranges[i][at];
            }
        }
        return null;
    }

    /** A mask of the first {@code bits} bits of a 64-bit half (none below 0, all from 64). */
    private static long mask(int bits) {
        if (bits <= 0) {
            return 0;
        }
        return bits >= 64 ? -1L : -1L << (64 - bits);
    }

    private static int search(long[] highs, long[] lows, long high, long low) {
        int lo = 0;
        int hi = highs.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compare(highs[mid], high);
            if (c == 0) {
                c = Long.compare(lows[mid], low);
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private static byte[] cidrBytes(String prefix) {
        int slash = prefix.indexOf('/');
        return IpAddress.parse(slash < 0 ? prefix : prefix.substring(0, slash));
    }

    private static long toLong(byte[] b) {
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
    }

    private static long half(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = v << 8 | (b[i] & 0xffL);
        }
        return v;
    }

    /** A prefix of the file, while the index is built. */
    private static final class Published {
        final int index;
        final byte[] network;
        final int length;

        Published(int index, byte[] network, int length) {
            this.index = index;
            this.network = network;
            this.length = length;
        }
    }

    private static final class V4 {
        final long network;
        final AwsRange range;

        V4(long network, AwsRange range) {
            this.network = network;
            this.range = range;
        }
    }

    private static final class V6 {
        final long high;
        final long low;
        final AwsRange range;

        V6(long high, long low, AwsRange range) {
            this.high = high;
            this.low = low;
            this.range = range;
        }
    }
}
