package io.trailwatch.ownership;

import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnershipRow;
import io.trailwatch.model.OwnershipTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lookups over an ownership table, one per {@link MatchKind}; each gives the owner or {@code null}.
 */
public final class OwnershipIndex {
    private final Map<String, Owner> resourceIds = new HashMap<>();
    private final Map<String, Owner> arns = new HashMap<>();

    /** ARN prefixes (without the trailing '*'), longest first. */
    private final LongestPrefixMap<Owner> arnPrefixes = new LongestPrefixMap<>();

    private final Map<String, Owner> buckets = new HashMap<>();
    private final Map<String, Owner> accounts = new HashMap<>();
    private final Map<String, Owner> networks = new HashMap<>();

    /** Every row's trusted_cidrs, without repeats, in table order. */
    private final List<String> allTrustedCidrs = new ArrayList<>();

    /**
     * The prefix lengths that occur in the table, longest first, per address length (4 or 16
     * bytes).
     */
    private final Map<Integer, int[]> prefixLengths = new HashMap<>();

    private OwnershipIndex() {}

    public static OwnershipIndex of(OwnershipTable table) {
        OwnershipIndex index = new OwnershipIndex();
        Map<Integer, TreeSet<Integer>> lengths = new HashMap<>();
        Set<String> trusted = new LinkedHashSet<>();
        for (OwnershipRow row : table.rows) {
            if (row.trustedCidrs != null) {
                trusted.addAll(Arrays.asList(row.trustedCidrs));
            }
            Owner owner = row.toOwner();
            String match = row.match;
            switch (MatchKind.of(match)) {
                case RESOURCE_ID:
                    index.resourceIds.put(match.toLowerCase(Locale.ROOT), owner);
                    break;
                case ARN:
                    index.arns.put(match, owner);
                    break;
                case ARN_PREFIX:
                    index.arnPrefixes.putIfAbsent(match.substring(0, match.length() - 1), owner);
                    break;
                case BUCKET:
                    index.buckets.put(match.substring("s3://".length()), owner);
                    break;
                case CIDR:
                    Cidr cidr = Cidr.parse(match);
                    index.networks.put(cidr.key(), owner);
                    lengths.computeIfAbsent(cidr.isIpv4() ? 4 : 16, k -> new TreeSet<>())
                            .add(cidr.prefixLength());
                    break;
                case ACCOUNT:
                    index.accounts.put(match, owner);
                    break;
                default:
                    throw new IllegalArgumentException("unmatched kind for " + match);
            }
        }
        index.allTrustedCidrs.addAll(trusted);
        lengths.forEach(
                (bytes, set) ->
                        index.prefixLengths.put(
                                bytes,
                                set.descendingSet().stream()
                                        .mapToInt(Integer::intValue)
                                        .toArray()));
        return index;
    }

    /** The trusted ranges of every row: addresses the organization's own workloads come from. */
    public List<String> allTrustedCidrs() {
        return Collections.unmodifiableList(allTrustedCidrs);
    }

    public boolean hasResourceRows() {
        return !resourceIds.isEmpty() || !arns.isEmpty() || !arnPrefixes.isEmpty();
    }

    public boolean hasBucketRows() {
        return !buckets.isEmpty();
    }

    public Owner byResourceId(String id) {
        // Most tables have no resource rows: do not lower-case every id of every record for
        // nothing.
        if (id == null || resourceIds.isEmpty()) {
            return null;
        }
        return resourceIds.get(id.toLowerCase(Locale.ROOT));
    }

    /** Exact ARN first, then the longest matching ARN prefix. */
    public Owner byArn(String arn) {
        if (arn == null || (arns.isEmpty() && arnPrefixes.isEmpty())) {
            return null;
        }
        Owner exact = arns.get(arn);
        if (exact != null) {
            return exact;
        }
        return arnPrefixes.longestPrefixOf(arn);
    }

    public Owner byBucket(String bucket) {
        return bucket == null || buckets.isEmpty() ? null : buckets.get(bucket);
    }

    public Owner byAccount(String account) {
        return account == null ? null : accounts.get(account);
    }

    /** The most specific network containing the address. */
    public Owner byAddress(String address) {
        NetworkMatch m = networkMatch(address);
        return m == null ? null : m.owner;
    }

    /**
     * The most specific network containing the address, with its prefix length; {@code null} if
     * none.
     */
    NetworkMatch networkMatch(String address) {
        if (networks.isEmpty() || address == null) {
            return null;
        }
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null) {
            return null;
        }
        int[] lengths = prefixLengths.get(bytes.length);
        if (lengths == null) {
            return null;
        }
        for (int length : lengths) {
            Owner owner = networks.get(Cidr.key(bytes, length));
            if (owner != null) {
                return new NetworkMatch(owner, length);
            }
        }
        return null;
    }

    static final class NetworkMatch {
        final Owner owner;
        final int prefixLength;

        NetworkMatch(Owner owner, int prefixLength) {
            this.owner = owner;
            this.prefixLength = prefixLength;
        }
    }
}
