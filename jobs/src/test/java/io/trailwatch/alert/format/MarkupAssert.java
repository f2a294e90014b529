package io.trailwatch.alert.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks text a chat platform parses as Slack mrkdwn: none of its control characters comes from
 * data unescaped, so no mention, link or entity can be produced by a value of the alert.
 */
final class MarkupAssert {
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(amp|lt|gt);)");

    private MarkupAssert() {}

    static void assertNoSlackMarkup(String where, String text) {
        assertThat(text).as(where).doesNotContain("<").doesNotContain(">");
        assertThat(BARE_AMPERSAND.matcher(text).find())
                .as(where + " has an unescaped &: " + text)
                .isFalse();
    }

    /** The {@code text} of every mrkdwn text object in a Block Kit message, with its path. */
    static List<String[]> mrkdwnTexts(JsonNode node, String path) {
        List<String[]> found = new ArrayList<>();
        collect(node, path, found);
        return found;
    }

    private static void collect(JsonNode node, String path, List<String[]> found) {
        if (node.isObject()) {
            if ("mrkdwn".equals(node.path("type").asText())) {
                found.add(new String[] {path + "/text", node.path("text").asText()});
            }
            node.fields()
                    .forEachRemaining(e -> collect(e.getValue(), path + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, found);
            }
        }
    }
}
