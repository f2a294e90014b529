package io.trailwatch.config;

import java.util.List;

/**
 * Missing or invalid runtime properties. The message lists every problem at once, each naming the
 * property group and key, so that one failed start is enough to fix the configuration.
 */
public class SettingsException extends Exception {
    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public SettingsException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return "invalid Trailwatch configuration: " + problems.get(0);
        }
        return "invalid Trailwatch configuration ("
                + problems.size()
                + " problems):\n  - "
                + String.join("\n  - ", problems);
    }
}
