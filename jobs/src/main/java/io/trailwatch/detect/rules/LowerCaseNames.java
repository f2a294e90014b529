package io.trailwatch.detect.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Event names and sources in lower case, remembered: a stream holds a few thousand distinct names,
 * so lowering each once saves a copy per event. Forgets everything when full, so it stays bounded
 * whatever the input.
 */
public final class LowerCaseNames {
    private static final int MAX = 8192;

    private final Map<String, String> seen = new HashMap<>();

    public String of(String name) {
        String lower = seen.get(name);
        if (lower == null) {
            if (seen.size() >= MAX) {
                seen.clear();
            }
            lower = name.toLowerCase(Locale.ROOT);
            seen.put(name, lower);
        }
        return lower;
    }
}
