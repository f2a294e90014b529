package io.trailwatch.model;

/** The customer's areas of the AWS shared responsibility model that an alert belongs to. */
public enum Responsibility {
    IDENTITY("identity"),
    NETWORK("network"),
    DATA_PROTECTION("data-protection"),
    ENCRYPTION("encryption"),
    LOGGING_MONITORING("logging-monitoring"),
    COMPUTE("compute"),
    GOVERNANCE("governance");

    private final String id;

    Responsibility(String id) {
        this.id = id;
    }

    /** The name used in alerts and the rule catalog. */
    public String id() {
        return id;
    }
}
