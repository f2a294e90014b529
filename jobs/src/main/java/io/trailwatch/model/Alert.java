package io.trailwatch.model;

/**
 * A detection, already naming its owner; the contract of DESIGN.md §6 (schemas/alert.schema.json).
 */
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

    public Alert() {}
}
