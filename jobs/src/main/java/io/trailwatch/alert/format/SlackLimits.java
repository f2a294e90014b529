package io.trailwatch.alert.format;

/** Slack's limits on a message's blocks and text (Block Kit reference). */
public final class SlackLimits {
    public static final int MAX_BLOCKS = 50;
    public static final int HEADER_TEXT = 150;
    public static final int SECTION_TEXT = 3000;
    public static final int SECTION_FIELDS = 10;
    public static final int FIELD_TEXT = 2000;
    public static final int CONTEXT_ELEMENTS = 10;

    /**
     * The top-level {@code text} (the notification and fallback): Slack cuts at 40,000 characters
     * and advises at most 4,000; Trailwatch keeps it to a summary line.
     */
    public static final int MESSAGE_TEXT = 3000;

    private SlackLimits() {}
}
