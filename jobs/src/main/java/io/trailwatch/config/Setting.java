package io.trailwatch.config;

/** One runtime property: where it lives, its default and what it means (for messages and docs). */
public final class Setting {
    public final String group;

    /**
     * The key, or for a family of keys its documented form ({@code slack.webhook.#channel}, one key
     * per channel).
     */
    public final String key;

    /** {@code null} when the setting has no default. */
    public final String defaultValue;

    public final String description;

    /** What every key of a family starts with; {@code null} for a single key. */
    private final String familyPrefix;

    Setting(String group, String key, String defaultValue, String description) {
        this(group, key, defaultValue, description, null);
    }

    Setting(
            String group,
            String key,
            String defaultValue,
            String description,
            String familyPrefix) {
        this.group = group;
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.familyPrefix = familyPrefix;
    }

    /** Whether {@code candidate} (a key of this setting's group) is this setting. */
    public boolean accepts(String candidate) {
        if (familyPrefix == null) {
            return key.equals(candidate);
        }
        return candidate.startsWith(familyPrefix) && candidate.length() > familyPrefix.length();
    }

    /** {@code Group.key}, as the properties-file form spells it. */
    public String name() {
        return group + "." + key;
    }

    @Override
    public String toString() {
        return name();
    }
}
