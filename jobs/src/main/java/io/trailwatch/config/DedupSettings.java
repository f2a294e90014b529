package io.trailwatch.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How repeats of an alert are folded together: the first alert of a rule, owner team and resource
 * goes out at once; repeats within the window (event time, measured from the first) are counted and
 * sent as one follow-up when the window closes.
 */
public class DedupSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(60);

    /**
     * Property key (and replay option) of the default window; {@code window.<RULE-ID>} per rule.
     */
    public static final String WINDOW_KEY = "window";

    public long defaultWindowMillis = DEFAULT_WINDOW.toMillis();

    public RuleWindow[] ruleWindows = new RuleWindow[0];

    public DedupSettings() {}

    public static DedupSettings defaults() {
        return new DedupSettings();
    }

    /** The window for a rule in milliseconds; 0 means every alert of the rule goes out. */
    public long windowMillisFor(String ruleId) {
        for (RuleWindow w : ruleWindows) {
            if (w.ruleId.equals(ruleId)) {
                return w.windowMillis;
            }
        }
        return defaultWindowMillis;
    }

    public DedupSettings withDefaultWindow(Duration window) {
        requireNotNegative(window, "de-duplication window");
        defaultWindowMillis = window.toMillis();
        return this;
    }

    public DedupSettings withRuleWindow(String ruleId, Duration window) {
        requireNotNegative(window, "de-duplication window of " + ruleId);
        List<RuleWindow> windows = new ArrayList<>();
        for (RuleWindow w : ruleWindows) {
            if (!w.ruleId.equals(ruleId)) {
                windows.add(w);
            }
        }
        windows.add(new RuleWindow(ruleId, window.toMillis()));
        ruleWindows = windows.toArray(new RuleWindow[0]);
        return this;
    }

    /**
     * Reads {@code window} and {@code window.<RULE-ID>} (e.g. {@code window.TW-OWN-01 = 0}) from a
     * property group.
     */
    public static DedupSettings fromProperties(Map<String, String> group) {
        DedupSettings s = defaults();
        for (Map.Entry<String, String> e : group.entrySet()) {
            String key = e.getKey().trim();
            if (key.equals(WINDOW_KEY)) {
                s.withDefaultWindow(Durations.parse(e.getValue()));
            } else if (key.startsWith(WINDOW_KEY + ".")) {
                s.withRuleWindow(
                        key.substring(WINDOW_KEY.length() + 1), Durations.parse(e.getValue()));
            }
        }
        return s;
    }

    private static void requireNotNegative(Duration d, String what) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
    }
}
