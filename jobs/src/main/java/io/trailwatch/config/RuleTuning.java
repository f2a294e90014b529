package io.trailwatch.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a deployment changes of the stateful rules' settings, as {@code RULE.NAME=VALUE}, e.g.
 * {@code TW-AUTH-01.failures=10} or {@code TW-EXFIL-02.window=15m}. Only the form is checked here;
 * the rule registry, which knows each rule's settings, applies them onto the declared defaults and
 * rejects names it does not know.
 */
public class RuleTuning implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Rule id to setting name to value, in the order given. */
    private final LinkedHashMap<String, LinkedHashMap<String, String>> values =
            new LinkedHashMap<>();

    /**
     * Adds {@code RULE.NAME=VALUE}; a later value for the same setting wins.
     *
     * @throws ConfigException when the text is not of that form
     */
    public RuleTuning set(String assignment) throws ConfigException {
        int eq = assignment.indexOf('=');
        int dot = eq < 0 ? -1 : assignment.lastIndexOf('.', eq);
        if (eq < 0 || dot < 0) {
            throw new ConfigException(
                    "'" + assignment + "' is not RULE.NAME=VALUE, e.g. TW-AUTH-01.failures=10");
        }
        String rule = assignment.substring(0, dot).trim().toUpperCase(Locale.ROOT);
        String name = assignment.substring(dot + 1, eq).trim();
        values.computeIfAbsent(rule, r -> new LinkedHashMap<>())
                .put(name, assignment.substring(eq + 1).trim());
        return this;
    }

    /** Rule id to setting name to value. */
    public Map<String, Map<String, String>> values() {
        return Collections.unmodifiableMap(values);
    }
}
