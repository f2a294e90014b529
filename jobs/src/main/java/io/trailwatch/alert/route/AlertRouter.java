package io.trailwatch.alert.route;

import io.trailwatch.config.DeliverySettings;
import io.trailwatch.config.SlackWebhook;
import io.trailwatch.config.SnsSettings;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.Owner;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where an alert goes. The owner's {@code contact} names it: a Slack channel ({@code #x},
 * through the webhook configured for it or the catch-all webhook), an SNS topic ARN, or an e-mail
 * address (through the default topic, where the address subscribes with a filter on {@code team}).
 * The default destinations also get every unowned alert, every alert at or above the escalation
 * severity, and every alert whose contact no configured destination serves. A destination reached
 * twice gets one message.
 */
public final class AlertRouter implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String OWNER = "owner";
    public static final String UNOWNED = "unowned";
    public static final String SEVERITY = "severity";
    public static final String FALLBACK = "fallback";

    private final DeliverySettings settings;

    public AlertRouter(DeliverySettings settings) {
        this.settings = settings;
    }

    /** Every delivery of the alert; empty when nothing configured can take it. */
    public List<AlertDelivery> route(Alert a) {
        Map<String, AlertDelivery> deliveries = new LinkedHashMap<>();
        Owner owner = a.owner;
        boolean unowned = owner == null || owner.isUnowned();
        boolean contactServed = false;
        if (!unowned && owner.contact != null) {
            for (String contact : owner.contact.split("[\\s;,]+")) {
                AlertDelivery d = forContact(a, contact);
                if (d != null) {
                    add(deliveries, d);
                    contactServed = true;
                }
            }
        }
        String reason =
                unowned
                        ? UNOWNED
                        : !contactServed
                                ? FALLBACK
                                : a.severity.atLeast(settings.escalationSeverity) ? SEVERITY : null;
        if (reason != null) {
            for (String destination : settings.defaultDestinations) {
                AlertDelivery d = forDefault(a, destination, reason);
                if (d != null) {
                    add(deliveries, d);
                }
            }
        }
        return new ArrayList<>(deliveries.values());
    }

    private AlertDelivery forContact(Alert a, String contact) {
        SnsSettings sns = settings.sns;
        if (contact.startsWith("#")) {
            String webhook = settings.slack == null ? null : settings.slack.webhookKeyFor(contact);
            return webhook == null
                    ? null
                    : new AlertDelivery(a, DeliveryChannel.SLACK, webhook, contact, OWNER);
        }
        if (DeliverySettings.isTopicArn(contact)) {
            return sns == null
                    ? null
                    : new AlertDelivery(
                            a, DeliveryChannel.SNS, topic(sns, contact), contact, OWNER);
        }
        if (contact.contains("@")) {
            return sns == null || sns.defaultTopicArn == null
                    ? null
                    : new AlertDelivery(
                            a, DeliveryChannel.SNS, sns.defaultTopicArn, contact, OWNER);
        }
        return null;
    }

    private AlertDelivery forDefault(Alert a, String destination, String reason) {
        if (destination.equals(DeliverySettings.DEFAULT_SNS)) {
            String topic = settings.sns == null ? null : settings.sns.defaultTopicArn;
            return topic == null
                    ? null
                    : new AlertDelivery(a, DeliveryChannel.SNS, topic, topic, reason);
        }
        if (destination.startsWith(DeliverySettings.DEFAULT_SNS + ":")) {
            String topic = destination.substring(DeliverySettings.DEFAULT_SNS.length() + 1);
            return settings.sns == null
                    ? null
                    : new AlertDelivery(
                            a, DeliveryChannel.SNS, topic(settings.sns, topic), topic, reason);
        }
        if (settings.slack == null) {
            return null;
        }
        if (destination.equals(DeliverySettings.DEFAULT_SLACK)) {
            String webhook = settings.slack.webhookKeyFor(SlackWebhook.ANY_CHANNEL);
            return webhook == null
                    ? null
                    : new AlertDelivery(a, DeliveryChannel.SLACK, webhook, webhook, reason);
        }
        if (destination.startsWith(DeliverySettings.DEFAULT_SLACK + ":")) {
            String channel = destination.substring(DeliverySettings.DEFAULT_SLACK.length() + 1);
            String webhook = settings.slack.webhookKeyFor(channel);
            return webhook == null
                    ? null
                    : new AlertDelivery(a, DeliveryChannel.SLACK, webhook, channel, reason);
        }
        return null;
    }

    private static String topic(SnsSettings sns, String topic) {
        return sns.everythingToDefaultTopic ? sns.defaultTopicArn : topic;
    }

    /** The first delivery to a destination wins: it carries the most specific reason. */
    private static void add(Map<String, AlertDelivery> deliveries, AlertDelivery d) {
        deliveries.putIfAbsent(d.channel.id() + " " + d.target, d);
    }
}
