package io.trailwatch.detect.signals;

import io.trailwatch.ownership.AwsRange;

/**
 * What the signal extractor knows of a caller's public address beyond its form: whether AWS
 * publishes it as one of its own, and whether the ownership table names it as the organization's.
 * Both answers come from data held in memory (broadcast state), never from I/O.
 */
public interface CallerAddresses {
    /** Knows nothing: no address is known to be AWS's or the organization's. */
    CallerAddresses UNKNOWN =
            new CallerAddresses() {
                @Override
                public AwsRange awsRange(String address) {
                    return null;
                }

                @Override
                public boolean inOwnedNetwork(String address) {
                    return false;
                }
            };

    /**
     * The most specific of AWS's published prefixes that holds the address, or {@code null}: not
     * AWS's, or AWS's ranges are not known.
     */
    AwsRange awsRange(String address);

    /** Whether a CIDR row of the ownership table holds the address. */
    boolean inOwnedNetwork(String address);
}
