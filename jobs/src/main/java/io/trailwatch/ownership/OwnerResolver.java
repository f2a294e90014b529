package io.trailwatch.ownership;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.ResourceRef;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the owner of an event: the most specific ownership-table row that matches it, in the order
 * of the README's "Ownership table" — resource id or ARN (the resources acted on, then the acting
 * principal), then bucket, then network (CIDR), then account. No match at all gives {@link
 * Owner#unowned()}.
 */
public final class OwnerResolver {
    private static final Pattern ARN_IN_JSON = Pattern.compile("arn:aws[a-z\\-]*:[^\"\\s,\\]}]+");
    private static final Pattern ID_IN_JSON =
            Pattern.compile(
                    "\\b(?:"
                            + MatchKind.RESOURCE_ID_PATTERN.pattern()
                            + "|"
                            + MatchKind.KMS_KEY_ID.pattern()
                            + ")\\b");
    private static final Pattern BUCKET_NAME =
            Pattern.compile("\"bucketName\"\\s*:\\s*\"([^\"]+)\"");
    private static final String S3_ARN = "arn:aws:s3:::";

    private final OwnershipIndex index;
    private final Owner unowned = Owner.unowned();

    public OwnerResolver(OwnershipTable table) {
        this.index = OwnershipIndex.of(table);
    }

    /** Whether the table has a row for this account id (trust and sharing rules ask). */
    public boolean knowsAccount(String account) {
        return index.byAccount(account) != null;
    }

    /**
     * The value of a further column (e.g. {@code monitoring}) on the row that owns this ARN, by
     * exact ARN or the longest ARN prefix; {@code null} when no such row or value.
     */
    public String attributeOfArn(String arn, String column) {
        Owner o = index.byArn(arn);
        if (o == null || o.attributes == null) {
            return null;
        }
        for (OwnerAttribute a : o.attributes) {
            if (a.name.equals(column)) {
                return a.value;
            }
        }
        return null;
    }

    /** Whether a CIDR row of the table holds the address: a network the organization owns. */
    public boolean ownsAddress(String address) {
        return index.byAddress(address) != null;
    }

    /** Every trusted range of the table: where the organization's own workloads come from. */
    public List<String> allTrustedCidrs() {
        return index.allTrustedCidrs();
    }

    /**
     * The trusted ranges that apply to the caller of an event: those of the most specific row that
     * declares any, among the event's owner, the calling principal's row (its role for a role
     * session) and the account's row. A role row that names its ranges narrows the account's.
     */
    public String[] trustedCidrsFor(CloudTrailEvent e) {
        if (e.owner != null && hasAny(e.owner.trustedCidrs)) {
            return e.owner.trustedCidrs;
        }
        if (e.userIdentity != null) {
            for (String arn : new String[] {e.userIdentity.arn, e.userIdentity.sessionIssuerArn}) {
                Owner o = index.byArn(arn);
                if (o != null && hasAny(o.trustedCidrs)) {
                    return o.trustedCidrs;
                }
            }
        }
        Owner account = index.byAccount(e.account());
        return account != null && hasAny(account.trustedCidrs)
                ? account.trustedCidrs
                : new String[0];
    }

    private static boolean hasAny(String[] cidrs) {
        return cidrs != null && cidrs.length > 0;
    }

    public Owner resolve(CloudTrailEvent e) {
        Owner owner = null;
        if (index.hasResourceRows()) {
            owner = byResources(e);
        }
        if (owner == null && index.hasBucketRows()) {
            owner = byBucket(e);
        }
        if (owner == null) {
            owner = index.byAddress(e.sourceIpAddress);
        }
        if (owner == null) {
            owner = index.byAccount(e.account());
        }
        return owner != null ? owner : unowned;
    }

    public Owner resolve(FlowRecord f) {
        Owner owner = index.byResourceId(f.interfaceId);
        if (owner == null) {
            owner = index.byResourceId(f.instanceId);
        }
        if (owner == null) {
            owner = index.byResourceId(f.subnetId);
        }
        if (owner == null) {
            owner = index.byResourceId(f.vpcId);
        }
        if (owner == null) {
            owner = byEitherAddress(f.srcAddr, f.dstAddr);
        }
        if (owner == null) {
            owner = index.byAccount(f.accountId);
        }
        return owner != null ? owner : unowned;
    }

    private Owner byResources(CloudTrailEvent e) {
        if (e.resources != null) {
            for (ResourceRef r : e.resources) {
                Owner o = index.byArn(r.arn);
                if (o != null) {
                    return o;
                }
            }
        }
        Owner named = byIdsIn(e.requestParameters);
        if (named == null && e.errorCode == null && !Boolean.TRUE.equals(e.readOnly)) {
            // What a change created or acted on may appear only in its response: the instances a
            // launch started, the id of a group the request named by name. A read's response
            // lists what it found, which says nothing of whose the read was.
            named = byIdsIn(e.responseElements);
        }
        if (named != null) {
            return named;
        }
        if (e.userIdentity != null) {
            Owner o = index.byArn(e.userIdentity.arn);
            if (o == null) {
                o = index.byArn(e.userIdentity.sessionIssuerArn);
            }
            return o;
        }
        return null;
    }

    private Owner byIdsIn(String json) {
        if (json == null) {
            return null;
        }
        Matcher ids = ID_IN_JSON.matcher(json);
        while (ids.find()) {
            Owner o = index.byResourceId(ids.group());
            if (o != null) {
                return o;
            }
        }
        Matcher arns = ARN_IN_JSON.matcher(json);
        while (arns.find()) {
            Owner o = index.byArn(arns.group());
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    private Owner byBucket(CloudTrailEvent e) {
        if (e.requestParameters != null) {
            Matcher m = BUCKET_NAME.matcher(e.requestParameters);
            if (m.find()) {
                Owner o = index.byBucket(m.group(1));
                if (o != null) {
                    return o;
                }
            }
        }
        if (e.resources != null) {
            for (ResourceRef r : e.resources) {
                if (r.arn != null && r.arn.startsWith(S3_ARN)) {
                    String rest = r.arn.substring(S3_ARN.length());
                    int slash = rest.indexOf('/');
                    Owner o = index.byBucket(slash < 0 ? rest : rest.substring(0, slash));
                    if (o != null) {
                        return o;
                    }
                }
            }
        }
        return null;
    }

    private Owner byEitherAddress(String a, String b) {
        OwnershipIndex.NetworkMatch ma = index.networkMatch(a);
        OwnershipIndex.NetworkMatch mb = index.networkMatch(b);
        if (ma == null) {
            return mb == null ? null : mb.owner;
        }
        if (mb == null) {
            return ma.owner;
        }
        return ma.prefixLength >= mb.prefixLength ? ma.owner : mb.owner;
    }
}
