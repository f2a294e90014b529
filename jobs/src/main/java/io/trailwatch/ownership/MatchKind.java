package io.trailwatch.ownership;

import java.util.regex.Pattern;

/**
 * What an ownership-table {@code match} value names, most specific first (README, "Ownership
 * table").
 */
public enum MatchKind {
    RESOURCE_ID,
    ARN,
    ARN_PREFIX,
    BUCKET,
    CIDR,
    ACCOUNT;

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    static final Pattern RESOURCE_ID_PATTERN =
            Pattern.compile(
                    "(?:sg|i|eni|vpc|subnet|snap|ami|vol|igw|nat|rtb|acl|pcx|tgw|vpce|eipalloc|lt|fl)-[0-9a-f]{8,17}");
    static final Pattern KMS_KEY_ID =
            Pattern.compile(
                    "(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Pattern BUCKET_URL =
            Pattern.compile("s3://[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");

    /** The kind of a match value, or {@code null} when it is none of them. */
    public static MatchKind of(String match) {
        if (ACCOUNT_ID.matcher(match).matches()) {
            return ACCOUNT;
        }
        if (match.startsWith("arn:")) {
            return match.endsWith("*") ? ARN_PREFIX : ARN;
        }
        if (RESOURCE_ID_PATTERN.matcher(match).matches() || KMS_KEY_ID.matcher(match).matches()) {
            return RESOURCE_ID;
        }
        if (BUCKET_URL.matcher(match).matches()) {
            return BUCKET;
        }
        if (Cidr.parse(match) != null) {
            return CIDR;
        }
        return null;
    }
}
