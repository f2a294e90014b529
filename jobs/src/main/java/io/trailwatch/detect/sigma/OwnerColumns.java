package io.trailwatch.detect.sigma;

import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;

/**
 * {@code owner.<column>}: a column of the ownership row the record matched. An unowned record has
 * {@code owner.team} {@code unowned} and no other column.
 */
final class OwnerColumns {
    static final String PREFIX = "owner.";

    private OwnerColumns() {}

    static FieldAccess field(String name) throws UnsupportedConstructException {
        String column = name.substring(PREFIX.length());
        switch (column) {
            case "team":
                return (SingleValue) r -> r.owner() == null ? null : r.owner().team;
            case "environment":
                return (SingleValue) r -> r.owner() == null ? null : r.owner().environment;
            case "contact":
                return (SingleValue) r -> r.owner() == null ? null : r.owner().contact;
            case "match":
                return (SingleValue) r -> r.owner() == null ? null : r.owner().matchedBy;
            case "trusted_cidrs":
                return (r, out) -> {
                    Owner o = r.owner();
                    if (o != null && o.trustedCidrs != null) {
                        for (String c : o.trustedCidrs) {
                            out.add(c);
                        }
                    }
                };
            case "":
                throw new UnsupportedConstructException(
                        "field 'owner.' names no column of the ownership table");
            default:
                return (r, out) -> {
                    Owner o = r.owner();
                    if (o != null && o.attributes != null) {
                        for (OwnerAttribute a : o.attributes) {
                            if (a.name.equals(column)) {
                                add(a.value, out);
                            }
                        }
                    }
                };
        }
    }

    private static void add(String value, java.util.List<Object> out) {
        if (value != null) {
            out.add(value);
        }
    }
}
