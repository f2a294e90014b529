package io.trailwatch.ownership;

import java.util.Map;

/**
 * The most each column of the ownership table may hold (README, "Ownership table"). The table is
 * held whole by every parallel instance and an owner's values go into each of its alerts, so a
 * runaway value (a pasted file, a broken export) is refused rather than carried along.
 */
final class OwnershipFieldLimits {
    /** The longest ARN AWS accepts; every other kind of match is shorter. */
    static final int MATCH = 2048;

    static final int TEAM = 128;
    static final int ENVIRONMENT = 64;

    /** Several destinations, each up to an SNS topic ARN of 256-character name. */
    static final int CONTACT = 1024;

    /** Ranges in one row's {@code trusted_cidrs}. */
    static final int TRUSTED_RANGES = 100;

    static final int TRUSTED_CIDRS_CHARACTERS = 8192;

    /** A further column's value, and {@code allow_broad_trust}'s. */
    static final int OTHER_VALUE = 1024;

    /** Columns beyond the known ones, each carried along with every alert of the row's owner. */
    static final int FURTHER_COLUMNS = 32;

    static final int COLUMN_NAME = 64;

    private static final Map<String, Integer> BY_COLUMN =
            Map.of(
                    OwnershipTableParser.MATCH, MATCH,
                    OwnershipTableParser.TEAM, TEAM,
                    OwnershipTableParser.ENVIRONMENT, ENVIRONMENT,
                    OwnershipTableParser.CONTACT, CONTACT,
                    // 100 IPv6 ranges at their longest (43 characters), with room between them.
                    OwnershipTableParser.TRUSTED_CIDRS, TRUSTED_CIDRS_CHARACTERS);

    private OwnershipFieldLimits() {}

    /** The most characters a value of this column may have. */
    static int characters(String column) {
        return BY_COLUMN.getOrDefault(column, OTHER_VALUE);
    }
}
