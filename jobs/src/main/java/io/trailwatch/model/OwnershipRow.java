package io.trailwatch.model;

import java.io.Serializable;

/** One row of the ownership table (README, "Ownership table"). */
public class OwnershipRow implements Serializable {
    private static final long serialVersionUID = 1L;

    public String match;
    public String team;
    public String environment;
    public String contact;
    public String[] trustedCidrs;
    public OwnerAttribute[] attributes;

    /** Line of the table file, for messages. */
    public int line;

    public OwnershipRow() {}

    public Owner toOwner() {
        return new Owner(team, environment, contact, trustedCidrs, match, attributes);
    }
}
