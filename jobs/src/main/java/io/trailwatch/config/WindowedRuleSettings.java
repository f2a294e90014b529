package io.trailwatch.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The knobs of one windowed rule: its window, how much later than the pipeline's watermark its
 * records may still arrive, how long after the threshold is reached the alert waits to gather the
 * rest of the burst, and its named thresholds (each rule declares its defaults).
 */
public class WindowedRuleSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The "within N minutes" of the rule; also how long a key must stay quiet before an incident
     * ends and the next burst can alert again.
     */
    public Duration window;

    /**
     * Extra lateness on top of the pipeline's allowed lateness (its watermark): records this much
     * behind the watermark still count, at the price of alerting this much later.
     */
    public Duration lateness = Duration.ZERO;

    /**
     * How long after the threshold is reached the alert goes out, so that its evidence covers the
     * burst rather than its first few records; zero alerts at once.
     */
    public Duration reportDelay;

    /**
     * The longest an incident lasts: a key that never goes quiet (a busy principal that also serves
     * an attacker) alerts again after this long instead of hiding every later burst.
     */
    public Duration maxIncident = Duration.ofHours(1);

    private final TreeMap<String, Long> limits = new TreeMap<>();
    private final TreeMap<String, Duration> spans = new TreeMap<>();

    public WindowedRuleSettings() {}

    public WindowedRuleSettings(Duration window, Duration reportDelay) {
        this.window = window;
        this.reportDelay = reportDelay;
    }

    /** A gibibyte, the unit of the byte thresholds. */
    public static final long GIB = 1L << 30;

    /** Settings with a window and a report delay in whole minutes, as rules declare them. */
    public static WindowedRuleSettings minutes(long window, long reportDelay) {
        return new WindowedRuleSettings(
                Duration.ofMinutes(window), Duration.ofMinutes(reportDelay));
    }

    /** An independent copy: defaults stay as declared when a deployment tunes its copy. */
    public WindowedRuleSettings copy() {
        WindowedRuleSettings c = new WindowedRuleSettings(window, reportDelay);
        c.lateness = lateness;
        c.maxIncident = maxIncident;
        c.limits.putAll(limits);
        c.spans.putAll(spans);
        return c;
    }

    /** Sets the longest an incident lasts. */
    public WindowedRuleSettings maxIncident(Duration d) {
        this.maxIncident = d;
        return this;
    }

    /** Declares a numeric threshold with its default. */
    public WindowedRuleSettings limit(String name, long defaultValue) {
        limits.put(name, defaultValue);
        return this;
    }

    /** Declares a further duration (e.g. how long after a listing reads still count). */
    public WindowedRuleSettings span(String name, Duration defaultValue) {
        spans.put(name, defaultValue);
        return this;
    }

    public long limit(String name) {
        Long v = limits.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no threshold named " + name);
        }
        return v;
    }

    public Duration span(String name) {
        Duration d = spans.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no duration named " + name);
        }
        return d;
    }

    /** Every setting name this rule accepts: window, lateness, reportDelay and its own. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(limits.keySet());
        names.addAll(spans.keySet());
        names.add("window");
        names.add("lateness");
        names.add("reportDelay");
        names.add("maxIncident");
        return names;
    }

    /** Current values by name, for documentation and logs. */
    public Map<String, String> values() {
        Map<String, String> out = new TreeMap<>();
        out.put("window", Durations.format(window));
        out.put("lateness", Durations.format(lateness));
        out.put("reportDelay", Durations.format(reportDelay));
        out.put("maxIncident", Durations.format(maxIncident));
        limits.forEach((k, v) -> out.put(k, Long.toString(v)));
        spans.forEach((k, v) -> out.put(k, Durations.format(v)));
        return out;
    }

    /**
     * Sets one value by name.
     *
     * @throws ConfigException for an unknown name or a value out of range
     */
    public void set(String name, String value, Function<String, Duration> durations)
            throws ConfigException {
        try {
            switch (name) {
                case "window":
                    window = positive(name, durations.apply(value));
                    return;
                case "lateness":
                    lateness = notNegative(name, durations.apply(value));
                    return;
                case "reportDelay":
                    reportDelay = notNegative(name, durations.apply(value));
                    return;
                case "maxIncident":
                    maxIncident = positive(name, durations.apply(value));
                    return;
                default:
                    if (limits.containsKey(name)) {
                        long v = Long.parseLong(value.trim());
                        if (v < 1) {
                            throw new ConfigException(name + " must be at least 1, got " + value);
                        }
                        limits.put(name, v);
                    } else if (spans.containsKey(name)) {
                        spans.put(name, positive(name, durations.apply(value)));
                    } else {
                        throw new ConfigException(
                                name + ": no such setting (one of " + names() + ")");
                    }
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got " + value);
        } catch (RuntimeException e) {
            // the duration parser's own message says what a duration looks like
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }

    private static Duration positive(String name, Duration d) throws ConfigException {
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException(name + " must be positive, got " + d);
        }
        return d;
    }

    private static Duration notNegative(String name, Duration d) throws ConfigException {
        if (d.isNegative()) {
            throw new ConfigException(name + " must not be negative, got " + d);
        }
        return d;
    }
}
