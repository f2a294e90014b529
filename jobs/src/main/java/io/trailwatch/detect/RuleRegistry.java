package io.trailwatch.detect;

import io.trailwatch.config.ConfigException;
import io.trailwatch.config.Durations;
import io.trailwatch.config.RuleTuning;
import io.trailwatch.config.WindowedRuleSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Every rule the job knows, each declared once: the catalog ({@code trailwatch rules},
 * docs/RULES.md), the settings defaults, and which detectors the pipeline builds all come from
 * here. Built-in rules are found on the class path: rule classes, and the rule files shipped in the
 * jar (through a {@link RuleProvider}); {@link #with} adds rules made at start.
 */
public final class RuleRegistry {
    /**
     * The catalog's order: rule families as a reader meets them, stateless changes before the
     * patterns over time. Families not listed follow, alphabetically.
     */
    private static final List<String> FAMILIES =
            List.of(
                    "LOG", "IAM", "NET", "DATA", "DESTROY", "KMS", "CMP", "ORG", "OWN", "AUTH",
                    "RECON", "CRED", "EXFIL", "NETSCAN", "CORR");

    private static final Comparator<DetectionRule> CATALOG_ORDER =
            Comparator.comparing((DetectionRule r) -> familyRank(r.info().id()))
                    .thenComparing(r -> r.info().id());

    private static final RuleRegistry BUILT_IN = new RuleRegistry(loadBuiltIns());

    private final Map<String, DetectionRule> rules = new LinkedHashMap<>();

    private RuleRegistry(Collection<DetectionRule> entries) {
        List<DetectionRule> sorted = new ArrayList<>(entries);
        sorted.sort(CATALOG_ORDER);
        for (DetectionRule r : sorted) {
            if (rules.putIfAbsent(r.info().id(), r) != null) {
                throw new IllegalStateException("rule id registered twice: " + r.info().id());
            }
        }
    }

    /** The rules built into the jar. */
    public static RuleRegistry builtIn() {
        return BUILT_IN;
    }

    /**
     * This registry plus {@code more}.
     *
     * @throws IllegalStateException when an id is taken
     */
    public RuleRegistry with(Collection<? extends DetectionRule> more) {
        List<DetectionRule> all = new ArrayList<>(rules.values());
        all.addAll(more);
        return new RuleRegistry(all);
    }

    /**
     * This registry with each of {@code replacements} in place of the entry of the same id (e.g. a
     * built-in rule with a filter's condition added).
     *
     * @throws IllegalStateException when an id is not registered
     */
    public RuleRegistry replacing(Collection<? extends DetectionRule> replacements) {
        Map<String, DetectionRule> all = new LinkedHashMap<>(rules);
        for (DetectionRule r : replacements) {
            if (all.put(r.info().id(), r) == null) {
                throw new IllegalStateException("no rule to replace: " + r.info().id());
            }
        }
        return new RuleRegistry(all.values());
    }

    /** Every rule, in catalog order. */
    public List<DetectionRule> rules() {
        return List.copyOf(rules.values());
    }

    /** The rules of one type (e.g. the stateless ones), in catalog order. */
    public <T> List<T> rules(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (DetectionRule r : rules.values()) {
            if (type.isInstance(r)) {
                out.add(type.cast(r));
            }
        }
        return out;
    }

    /** Every rule's catalog entry, in catalog order. */
    public List<RuleInfo> catalog() {
        return rules.values().stream().map(DetectionRule::info).toList();
    }

    /** The catalog entry of a rule, or {@code null}. */
    public RuleInfo byId(String id) {
        DetectionRule r = rules.get(id);
        return r == null ? null : r.info();
    }

    /** The rule with this id, or {@code null}. */
    public DetectionRule rule(String id) {
        return rules.get(id);
    }

    public boolean contains(String id) {
        return rules.containsKey(id);
    }

    /** The registered id that equals {@code id} ignoring case, or {@code null}. */
    public String idOf(String id) {
        if (rules.containsKey(id)) {
            return id;
        }
        for (String known : rules.keySet()) {
            if (known.equalsIgnoreCase(id)) {
                return known;
            }
        }
        return null;
    }

    /**
     * Each stateful rule's settings: its declared defaults with {@code tuning} applied.
     *
     * @throws ConfigException naming the rule or setting that does not exist, or the bad value
     */
    public Map<String, WindowedRuleSettings> settings(RuleTuning tuning) throws ConfigException {
        Map<String, WindowedRuleSettings> out = new LinkedHashMap<>();
        for (DetectionRule r : rules.values()) {
            if (r.info().hasSettings()) {
                out.put(r.info().id(), r.info().defaultSettings());
            }
        }
        for (Map.Entry<String, Map<String, String>> rule : tuning.values().entrySet()) {
            // ids compare ignoring case: a rule file's UUID may be written in either
            String id = idOf(rule.getKey());
            WindowedRuleSettings s = id == null ? null : out.get(id);
            if (s == null) {
                throw new ConfigException(
                        rule.getKey()
                                + " has no settings (rules with settings: "
                                + out.keySet()
                                + ")");
            }
            for (Map.Entry<String, String> value : rule.getValue().entrySet()) {
                try {
                    s.set(value.getKey(), value.getValue(), Durations::parse);
                } catch (ConfigException e) {
                    throw new ConfigException(rule.getKey() + "." + e.getMessage());
                }
            }
        }
        return out;
    }

    /** The declared defaults of every stateful rule. */
    public Map<String, WindowedRuleSettings> defaultSettings() {
        try {
            return settings(new RuleTuning());
        } catch (ConfigException e) {
            throw new IllegalStateException("defaults cannot be wrong", e);
        }
    }

    private static List<DetectionRule> loadBuiltIns() {
        List<DetectionRule> found = new ArrayList<>();
        // The registry's own class loader: in a Flink task the context class loader may differ.
        ClassLoader loader = DetectionRule.class.getClassLoader();
        ServiceLoader.load(DetectionRule.class, loader).forEach(found::add);
        if (found.isEmpty()) {
            throw new IllegalStateException(
                    "no built-in rules on the class path (META-INF/services missing from the jar?)");
        }
        RuleRegistry classRules = new RuleRegistry(found);
        for (RuleProvider provider : ServiceLoader.load(RuleProvider.class, loader)) {
            found.addAll(provider.rules(classRules));
        }
        return found;
    }

    private static int familyRank(String id) {
        int dash = id.indexOf('-');
        int next = dash < 0 ? -1 : id.indexOf('-', dash + 1);
        String family = next < 0 ? "" : id.substring(dash + 1, next);
        int rank = FAMILIES.indexOf(family);
        return rank < 0 ? FAMILIES.size() : rank;
    }
}
