package io.trailwatch.alert.route;

import static io.trailwatch.alert.TestAlerts.owner;
import static io.trailwatch.alert.TestAlerts.securityGroupOpened;
import static io.trailwatch.alert.TestAlerts.withSeverity;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.DeliverySettings;
import io.trailwatch.config.SlackSettings;
import io.trailwatch.config.SlackWebhook;
import io.trailwatch.config.SnsSettings;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.Owner;
import io.trailwatch.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing by owner: the contact's destinations, plus the defaults when they apply. */
class AlertRouterTest {
    static final String DEFAULT_TOPIC = "arn:aws:sns:eu-west-1:111122223333:trailwatch-alerts";
    static final String PAYMENTS_TOPIC = "arn:aws:sns:eu-west-1:111122223333:payments-alerts";
    static final String SG = "sg-0a1b2c3d4e5f60001";

    /** Webhooks for #payments-alerts and #secops; SNS with a default topic; defaults to #secops. */
    static DeliverySettings production() {
        DeliverySettings s = new DeliverySettings();
        s.sns = SnsSettings.toTopic(DEFAULT_TOPIC);
        s.slack =
                SlackSettings.withWebhooks(
                        SlackWebhook.fromSecret("#payments-alerts", "trailwatch/slack/payments"),
                        SlackWebhook.fromSecret("#secops", "trailwatch/slack/secops"));
        s.defaultDestinations = new String[] {"slack:#secops", "sns"};
        s.escalationSeverity = Severity.CRITICAL;
        s.validate();
        return s;
    }

    static Alert alert(Owner owner, Severity severity) {
        return withSeverity(
                securityGroupOpened("e-1", "2026-10-14T09:00:00Z", SG, owner), severity);
    }

    private static List<String> route(DeliverySettings s, Alert a) {
        return new AlertRouter(s)
                .route(a).stream()
                        .map(
                                d ->
                                        d.channel.id()
                                                + " "
                                                + d.target
                                                + " "
                                                + d.recipient
                                                + " "
                                                + d.reason)
                        .toList();
    }

    @Test
    void slackChannelContactGoesToItsWebhook() {
        assertThat(route(production(), alert(owner("payments", "#payments-alerts"), Severity.HIGH)))
                .containsExactly("slack #payments-alerts #payments-alerts owner");
    }

    @Test
    void snsTopicContactGoesToThatTopic() {
        assertThat(route(production(), alert(owner("payments", PAYMENTS_TOPIC), Severity.MEDIUM)))
                .containsExactly("sns " + PAYMENTS_TOPIC + " " + PAYMENTS_TOPIC + " owner");
    }

    @Test
    void emailContactGoesThroughTheDefaultTopic() {
        assertThat(
                        route(
                                production(),
                                alert(owner("data", "data-oncall@example.com"), Severity.LOW)))
                .containsExactly("sns " + DEFAULT_TOPIC + " data-oncall@example.com owner");
    }

    @Test
    void severeAlertsAlsoGoToTheDefaults() {
        assertThat(
                        route(
                                production(),
                                alert(owner("payments", "#payments-alerts"), Severity.CRITICAL)))
                .containsExactly(
                        "slack #payments-alerts #payments-alerts owner",
                        "slack #secops #secops severity",
                        "sns " + DEFAULT_TOPIC + " " + DEFAULT_TOPIC + " severity");
    }

    @Test
    void unownedAlertsGoToTheDefaults() {
        assertThat(route(production(), alert(Owner.unowned(), Severity.MEDIUM)))
                .containsExactly(
                        "slack #secops #secops unowned",
                        "sns " + DEFAULT_TOPIC + " " + DEFAULT_TOPIC + " unowned");
    }

    @Test
    void aContactNoDestinationServesFallsBackToTheDefaults() {
        assertThat(route(production(), alert(owner("data", "#data-team"), Severity.LOW)))
                .containsExactly(
                        "slack #secops #secops fallback",
                        "sns " + DEFAULT_TOPIC + " " + DEFAULT_TOPIC + " fallback");
    }

    @Test
    void severalContactsAndOneMessagePerDestination() {
        DeliverySettings s = production();
        s.slack.webhooks =
                new SlackWebhook[] {SlackWebhook.withUrl(SlackWebhook.ANY_CHANNEL, "https://x")};
        s.defaultDestinations = new String[] {"slack"};

        // Both channels are served by the catch-all webhook: one message, for the first channel.
        assertThat(
                        route(
                                s,
                                alert(
                                        owner(
                                                "payments",
                                                "#payments-alerts #payments-oncall ops@example.com"),
                                        Severity.CRITICAL)))
                .containsExactly(
                        "slack * #payments-alerts owner",
                        "sns " + DEFAULT_TOPIC + " ops@example.com owner");
    }

    @Test
    void laptopTrialSendsEverySnsDeliveryToTheOneTopic() {
        DeliverySettings s = new DeliverySettings();
        s.sns = SnsSettings.toTopic(DEFAULT_TOPIC);
        s.sns.everythingToDefaultTopic = true;
        s.defaultDestinations = new String[] {"sns"};

        assertThat(route(s, alert(owner("payments", PAYMENTS_TOPIC), Severity.LOW)))
                .containsExactly("sns " + DEFAULT_TOPIC + " " + PAYMENTS_TOPIC + " owner");
    }

    @Test
    void nothingConfiguredThatCouldTakeItMeansNoDelivery() {
        DeliverySettings s = new DeliverySettings();
        s.slack = SlackSettings.withWebhooks(SlackWebhook.withUrl("#payments-alerts", "https://x"));

        List<AlertDelivery> none =
                new AlertRouter(s).route(alert(Owner.unowned(), Severity.CRITICAL));
        assertThat(none).isEmpty();
    }
}
