package io.trailwatch.model;

/** A detection, already naming its owner; the contract of schemas/alert.schema.json. */
public class Alert {
    /** Deterministic: the same input gives the same id, across restarts and parallelism. */
    public String alertId;

    public String ruleId;
    public String title;
    public Severity severity;

    /** Event time of the first evidence, epoch milliseconds. */
    public long eventTime;

    /** Wall-clock time of detection, epoch milliseconds. */
    public long detectedAt;

    public String account;
    public String region;
    public String principal;
    public String resource;
    public Owner owner;
    public Responsibility responsibility;
    public String[] controls;
    public Evidence evidence;
    public String remediation;

    /**
     * Set only on a follow-up: the id of the first alert whose repeats it folds together. Repeats
     * within the de-duplication window are not sent one by one; one follow-up says how many came.
     */
    public String followUpOf;

    /** On a follow-up, how many repeats of {@link #followUpOf} it stands for; 0 otherwise. */
    public long suppressedCount;

    public Alert() {}

    public boolean isFollowUp() {
        return followUpOf != null;
    }

    /** A field-by-field copy; arrays and nested objects are shared, as alerts are not mutated. */
    public Alert copy() {
        Alert a = new Alert();
        a.alertId = alertId;
        a.ruleId = ruleId;
        a.title = title;
        a.severity = severity;
        a.eventTime = eventTime;
        a.detectedAt = detectedAt;
        a.account = account;
        a.region = region;
        a.principal = principal;
        a.resource = resource;
        a.owner = owner;
        a.responsibility = responsibility;
        a.controls = controls;
        a.evidence = evidence;
        a.remediation = remediation;
        a.followUpOf = followUpOf;
        a.suppressedCount = suppressedCount;
        return a;
    }
}
