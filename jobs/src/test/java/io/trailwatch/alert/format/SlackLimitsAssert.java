package io.trailwatch.alert.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks a Slack message against Slack's documented limits on messages and blocks. */
public final class SlackLimitsAssert {
    private SlackLimitsAssert() {}

    public static void assertWithinLimits(JsonNode message) {
        assertThat(message.get("text").asText().length())
                .isLessThanOrEqualTo(SlackLimits.MESSAGE_TEXT);
        JsonNode blocks = message.get("blocks");
        assertThat(blocks.size()).isBetween(1, SlackLimits.MAX_BLOCKS);
        for (JsonNode b : blocks) {
            switch (b.get("type").asText()) {
                case "header":
                    assertThat(b.at("/text/type").asText()).isEqualTo("plain_text");
                    assertThat(b.at("/text/text").asText().length())
                            .isBetween(1, SlackLimits.HEADER_TEXT);
                    break;
                case "section":
                    if (b.has("text")) {
                        assertThat(b.at("/text/text").asText().length())
                                .isBetween(1, SlackLimits.SECTION_TEXT);
                    }
                    if (b.has("fields")) {
                        assertThat(b.get("fields").size()).isBetween(1, SlackLimits.SECTION_FIELDS);
                        for (JsonNode f : b.get("fields")) {
                            assertThat(f.get("text").asText().length())
                                    .isBetween(1, SlackLimits.FIELD_TEXT);
                        }
                    }
                    assertThat(b.has("text") || b.has("fields")).isTrue();
                    break;
                case "context":
                    assertThat(b.get("elements").size()).isBetween(1, SlackLimits.CONTEXT_ELEMENTS);
                    for (JsonNode e : b.get("elements")) {
                        assertThat(e.get("text").asText().length())
                                .isBetween(1, SlackLimits.SECTION_TEXT);
                    }
                    break;
                default:
                    throw new AssertionError("unexpected block " + b);
            }
        }
    }
}
