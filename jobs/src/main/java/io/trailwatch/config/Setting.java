package io.trailwatch.config;

/** One runtime property: where it lives, its default and what it means (for messages and docs). */
public final class Setting {
    public final String group;
    public final String key;

    /** {@code null} when the setting has no default. */
    public final String defaultValue;

    public final String description;

    Setting(String group, String key, String defaultValue, String description) {
        this.group = group;
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
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
