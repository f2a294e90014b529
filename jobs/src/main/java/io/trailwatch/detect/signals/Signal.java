package io.trailwatch.detect.signals;

import io.trailwatch.model.Owner;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a windowed detector needs of one CloudTrail event or flow record: the key it is counted
 * under, its event time, a reference an analyst can look up, the values the rule counts, and the
 * context an alert names (account, region, principal, resource, owner). Much smaller than the
 * event, so detectors buffer and shuffle little; serialized in the job by a serializer of its own
 * (io.trailwatch.detect.patterns.SignalSerializer).
 */
public class Signal {
    /**
     * The order in which a key's signals of one event time are handled: by reference, then the
     * rest, so that the outcome never depends on arrival order.
     */
    public static final Comparator<Signal> ORDER =
            Comparator.comparingLong((Signal s) -> s.time)
                    .thenComparing(s -> s.ref, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(s -> s.value, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(
                            s -> s.attribute, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(s -> s.detail, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(s -> s.amount);

    /** What the detector groups by, e.g. account and principal. */
    public String key;

    /** Event time, epoch milliseconds. */
    public long time;

    /** A CloudTrail event id or a flow tuple. */
    public String ref;

    /** The value the rule counts distinctly: an API, a port, a host, a user, a bucket. */
    public String value;

    /** A second value the rule looks at: an error code, a flow action, an address. */
    public String attribute;

    /** A further detail the alert reports, e.g. the source address of the trigger. */
    public String detail;

    /** Bytes transferred, where the rule adds them up. */
    public long amount;

    public String account;
    public String region;

    /** ARN of the caller, or a network address. */
    public String principal;

    public String resource;
    public Owner owner;

    public Signal() {}

    public Signal(String key, long time, String ref) {
        this.key = key;
        this.time = time;
        this.ref = ref;
    }

    /**
     * Whether this signal comes from the event at {@code time} with reference {@code ref}: a record
     * that gives several values (one call naming many instances) is one signal per value.
     */
    public boolean sameEventAs(long time, String ref) {
        return this.time == time && this.ref != null && this.ref.equals(ref);
    }

    /** A copy of this signal, to vary one of its fields. */
    public Signal copy() {
        return new Signal(key, time, ref)
                .value(value)
                .attribute(attribute)
                .detail(detail)
                .amount(amount)
                .context(account, region, principal, resource, owner);
    }

    public Signal value(String value) {
        this.value = value;
        return this;
    }

    public Signal attribute(String attribute) {
        this.attribute = attribute;
        return this;
    }

    public Signal detail(String detail) {
        this.detail = detail;
        return this;
    }

    public Signal amount(long amount) {
        this.amount = amount;
        return this;
    }

    public Signal context(
            String account, String region, String principal, String resource, Owner owner) {
        this.account = account;
        this.region = region;
        this.principal = principal;
        this.resource = resource;
        this.owner = owner;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Signal)) {
            return false;
        }
        Signal s = (Signal) o;
        return time == s.time
                && amount == s.amount
                && Objects.equals(key, s.key)
                && Objects.equals(ref, s.ref)
                && Objects.equals(value, s.value)
                && Objects.equals(attribute, s.attribute)
                && Objects.equals(detail, s.detail)
                && Objects.equals(account, s.account)
                && Objects.equals(region, s.region)
                && Objects.equals(principal, s.principal)
                && Objects.equals(resource, s.resource)
                && Objects.equals(owner, s.owner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, time, ref, value);
    }

    @Override
    public String toString() {
        return key + " @" + time + " " + ref + " " + value + " " + attribute + " " + amount;
    }
}
