package io.trailwatch.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/** The team that answers for an event, as resolved from the ownership table. */
public class Owner implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String UNOWNED_TEAM = "unowned";

    public String team;
    public String environment;
    public String contact;
    public String[] trustedCidrs;

    /**
     * The ownership-table {@code match} value that selected this owner; {@code null} when unowned.
     */
    public String matchedBy;

    /** Extra columns of the ownership table, carried along. */
    public OwnerAttribute[] attributes;

    public Owner() {}

    public Owner(
            String team,
            String environment,
            String contact,
            String[] trustedCidrs,
            String matchedBy,
            OwnerAttribute[] attributes) {
        this.team = team;
        this.environment = environment;
        this.contact = contact;
        this.trustedCidrs = trustedCidrs;
        this.matchedBy = matchedBy;
        this.attributes = attributes;
    }

    public static Owner unowned() {
        return new Owner(UNOWNED_TEAM, null, null, new String[0], null, new OwnerAttribute[0]);
    }

    public boolean isUnowned() {
        return UNOWNED_TEAM.equals(team);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Owner)) {
            return false;
        }
        Owner other = (Owner) o;
        return Objects.equals(team, other.team)
                && Objects.equals(environment, other.environment)
                && Objects.equals(contact, other.contact)
                && Arrays.equals(trustedCidrs, other.trustedCidrs)
                && Objects.equals(matchedBy, other.matchedBy)
                && Arrays.equals(attributes, other.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(team, environment, contact, matchedBy);
    }

    @Override
    public String toString() {
        return team + "/" + environment + " (" + contact + ", matched " + matchedBy + ")";
    }
}
