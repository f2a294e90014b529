package io.trailwatch.alert.format;

import io.trailwatch.model.Severity;

/** How a severity looks in chat messages. */
final class Severities {
    private Severities() {}

    static String emoji(Severity s) {
        switch (s) {
            case CRITICAL:
                return ":red_circle:";
            case HIGH:
                return ":large_orange_circle:";
            case MEDIUM:
                return ":large_yellow_circle:";
            case LOW:
                return ":large_blue_circle:";
            default:
                return ":white_circle:";
        }
    }
}
