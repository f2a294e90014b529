package io.trailwatch.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Windows, thresholds and lateness of the windowed and stateful rules, per rule, with the defaults
 * of DESIGN.md §7. Set from the command line as {@code RULE.NAME=VALUE}, e.g. {@code
 * TW-AUTH-01.failures=10} or {@code TW-EXFIL-02.window=15m}.
 */
public class PatternSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String AUTH_FAILURES = "TW-AUTH-01";
    public static final String AUTH_SUCCESS_AFTER_FAILURES = "TW-AUTH-02";
    public static final String RECON_DENIED = "TW-RECON-01";
    public static final String RECON_SWEEP = "TW-RECON-02";
    public static final String INSTANCE_CREDENTIALS = "TW-CRED-01";
    public static final String S3_DOWNLOADS = "TW-EXFIL-01";
    public static final String EGRESS_VOLUME = "TW-EXFIL-02";
    public static final String PORT_SCAN = "TW-NETSCAN-01";
    public static final String ADMIN_PORT_ATTEMPTS = "TW-NETSCAN-02";
    public static final String EXPOSED_PORT_USED = "TW-CORR-01";

    private static final long GIB = 1L << 30;

    private final Map<String, WindowedRuleSettings> rules = new LinkedHashMap<>();

    public PatternSettings() {
        rules.put(
                AUTH_FAILURES,
                new WindowedRuleSettings(minutes(5), minutes(5))
                        .limit("failures", 5)
                        .limit("users", 5));
        // window: how long after a burst's last failure a successful login still counts
        rules.put(AUTH_SUCCESS_AFTER_FAILURES, new WindowedRuleSettings(minutes(15), minutes(0)));
        rules.put(
                RECON_DENIED, new WindowedRuleSettings(minutes(5), minutes(5)).limit("errors", 10));
        rules.put(
                RECON_SWEEP,
                new WindowedRuleSettings(minutes(5), minutes(5))
                        .limit("apis", 20)
                        .limit("services", 5));
        // window: how long a principal must stay away from an address before it alerts again
        rules.put(
                INSTANCE_CREDENTIALS,
                new WindowedRuleSettings(minutes(60), minutes(5)).maxIncident(Duration.ofDays(1)));
        rules.put(
                S3_DOWNLOADS,
                new WindowedRuleSettings(minutes(10), minutes(10))
                        .limit("bytes", GIB)
                        .limit("objects", 100)
                        .limit("buckets", 3)
                        .span("listWindow", minutes(60)));
        rules.put(
                EGRESS_VOLUME,
                new WindowedRuleSettings(minutes(10), minutes(10)).limit("bytes", GIB));
        rules.put(
                PORT_SCAN,
                new WindowedRuleSettings(minutes(1), minutes(1))
                        .limit("ports", 25)
                        .limit("hosts", 25));
        rules.put(
                ADMIN_PORT_ATTEMPTS,
                new WindowedRuleSettings(minutes(5), minutes(5)).limit("connections", 30));
        rules.put(EXPOSED_PORT_USED, new WindowedRuleSettings(minutes(30), minutes(5)));
    }

    /** The settings of one rule. */
    public WindowedRuleSettings rule(String ruleId) {
        WindowedRuleSettings s = rules.get(ruleId);
        if (s == null) {
            throw new IllegalArgumentException("no windowed rule " + ruleId);
        }
        return s;
    }

    public Map<String, WindowedRuleSettings> all() {
        return Collections.unmodifiableMap(rules);
    }

    /**
     * Applies {@code RULE.NAME=VALUE}.
     *
     * @throws ConfigException naming the rule or setting that does not exist, or the bad value
     */
    public void set(String assignment, Function<String, Duration> durations)
            throws ConfigException {
        int eq = assignment.indexOf('=');
        int dot = eq < 0 ? -1 : assignment.lastIndexOf('.', eq);
        if (eq < 0 || dot < 0) {
            throw new ConfigException(
                    "'" + assignment + "' is not RULE.NAME=VALUE, e.g. TW-AUTH-01.failures=10");
        }
        String rule = assignment.substring(0, dot).trim().toUpperCase(Locale.ROOT);
        String name = assignment.substring(dot + 1, eq).trim();
        WindowedRuleSettings s = rules.get(rule);
        if (s == null) {
            throw new ConfigException(
                    "'"
                            + assignment
                            + "': "
                            + rule
                            + " has no settings (windowed rules: "
                            + rules.keySet()
                            + ")");
        }
        try {
            s.set(name, assignment.substring(eq + 1).trim(), durations);
        } catch (ConfigException e) {
            throw new ConfigException(rule + "." + e.getMessage());
        }
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
