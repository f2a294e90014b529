package io.trailwatch.config;

import java.io.Serializable;
import java.util.Locale;

/** Posting alerts to Slack through incoming webhooks. */
public class SlackSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public SlackWebhook[] webhooks = new SlackWebhook[0];

    /** Slack allows one message per second per webhook (short bursts aside). */
    public long minIntervalMillis = 1000;

    /** Region of the Secrets Manager client; {@code null}: the secret ARN's or the default. */
    public String secretsRegion;

    /** A local Secrets Manager endpoint; {@code null}: AWS. */
    public String secretsEndpointUrl;

    public SlackSettings() {}

    public static SlackSettings withWebhooks(SlackWebhook... webhooks) {
        SlackSettings s = new SlackSettings();
        s.webhooks = webhooks;
        return s;
    }

    /**
     * The key of the webhook that serves a channel: its own, else the catch-all, else {@code null}.
     */
    public String webhookKeyFor(String channel) {
        String wanted = channel == null ? null : channel.toLowerCase(Locale.ROOT);
        String any = null;
        for (SlackWebhook w : webhooks) {
            if (w.channel.toLowerCase(Locale.ROOT).equals(wanted)) {
                return w.channel;
            }
            if (SlackWebhook.ANY_CHANNEL.equals(w.channel)) {
                any = w.channel;
            }
        }
        return any;
    }

    public SlackWebhook webhook(String key) {
        for (SlackWebhook w : webhooks) {
            if (w.channel.equals(key)) {
                return w;
            }
        }
        return null;
    }
}
