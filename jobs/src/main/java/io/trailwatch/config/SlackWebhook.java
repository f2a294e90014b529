package io.trailwatch.config;

import java.io.Serializable;

/**
 * A Slack incoming webhook and the channel it posts to. The URL is a secret: give it directly, or
 * (in production) the id of an AWS Secrets Manager secret holding it, read when the sink starts.
 */
public class SlackWebhook implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Key of the catch-all webhook that serves every channel without a webhook of its own. */
    public static final String ANY_CHANNEL = "*";

    /** {@code #channel}, or {@link #ANY_CHANNEL}. */
    public String channel;

    /** The webhook URL; {@code null} when {@link #secretId} is used. */
    public String url;

    /**
     * Secrets Manager secret id or ARN whose value is the URL, or JSON with a {@code url} (or
     * {@code webhookUrl}) field.
     */
    public String secretId;

    public SlackWebhook() {}

    public static SlackWebhook withUrl(String channel, String url) {
        SlackWebhook w = new SlackWebhook();
        w.channel = channel;
        w.url = url;
        return w;
    }

    public static SlackWebhook fromSecret(String channel, String secretId) {
        SlackWebhook w = new SlackWebhook();
        w.channel = channel;
        w.secretId = secretId;
        return w;
    }

    /** Never the URL. */
    @Override
    public String toString() {
        return "Slack webhook for "
                + channel
                + (secretId != null ? " (secret " + secretId + ")" : " (URL configured)");
    }
}
