package io.trailwatch.detect.sigma;

import java.util.List;

/** The records a rule reads, from its {@code logsource}: CloudTrail events or VPC flow records. */
public enum LogSource {
    CLOUDTRAIL("cloudtrail"),
    VPC_FLOW("vpcflowlogs");

    private final String service;

    LogSource(String service) {
        this.service = service;
    }

    /** The {@code logsource} service that names it. */
    public String service() {
        return service;
    }

    /** The source for {@code product: aws} and this service, or {@code null}. */
    static LogSource ofService(String service) {
        for (LogSource s : values()) {
            if (s.service.equalsIgnoreCase(service)) {
                return s;
            }
        }
        return null;
    }

    /** A field no record of the source has: it reads as absent. */
    private static final FieldAccess ABSENT = (r, out) -> {};

    /**
     * How rules of this source read {@code name}. A field the records do not have (see {@link
     * #unknown}) reads as absent, as it would in the record's JSON: the rule loads, and the
     * selection that needs the field never matches.
     */
    FieldAccess field(String name) {
        try {
            return resolve(name);
        } catch (UnsupportedConstructException e) {
            return ABSENT;
        }
    }

    /** Why records of this source never have {@code name}, or {@code null} when they can. */
    String unknown(String name) {
        try {
            resolve(name);
            return null;
        } catch (UnsupportedConstructException e) {
            return e.getMessage();
        }
    }

    private FieldAccess resolve(String name) throws UnsupportedConstructException {
        if (name.startsWith(OwnerColumns.PREFIX)) {
            return OwnerColumns.field(name);
        }
        return this == CLOUDTRAIL ? CloudTrailFields.field(name) : FlowFields.field(name);
    }

    /** Every value of the record, for keyword searches. */
    void everyValue(SigmaRecord record, List<Object> out) {
        if (record.cloudTrail() != null) {
            CloudTrailFields.everyValue(record.cloudTrail(), out);
        } else if (record.flow() != null) {
            FlowFields.everyValue(record.flow(), out);
        }
    }
}
