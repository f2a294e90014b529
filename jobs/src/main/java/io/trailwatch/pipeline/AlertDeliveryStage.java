package io.trailwatch.pipeline;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.sink.DeliveryFailureSink;
import io.trailwatch.alert.sink.RouteAlerts;
import io.trailwatch.alert.sink.slack.SlackAlertSink;
import io.trailwatch.alert.sink.sns.SnsAlertSink;
import io.trailwatch.config.DeliverySettings;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import org.apache.flink.api.common.functions.Partitioner;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Routing and delivery (docs/ARCHITECTURE.md: dedup ─▶ route ─▶ SNS, Slack), attached by every
 * entry point that delivers:
 *
 * <pre>
 * alerts ─▶ route (by owner) ─┬─▶ SNS sink ───┐
 *                 │           └─▶ Slack sink ─┴─▶ undeliverable alerts ─▶ dead-letter output
 *                 └─ unroutable ─────────────────────────────────────────▶ dead-letter output
 * </pre>
 */
public final class AlertDeliveryStage {
    /** How long a message may wait in a sink's buffer for others to batch with. */
    public static final long MAX_TIME_IN_BUFFER_MILLIS = 1000;

    private AlertDeliveryStage() {}

    public static void attach(
            DataStream<Alert> alerts, DeliverySettings settings, DeliveryFailureOutput failures) {
        settings.validate();
        SingleOutputStreamOperator<AlertDelivery> deliveries =
                alerts.process(new RouteAlerts(settings))
                        .uid("alert-routing")
                        .name("Route alerts to owners");
        deliveries
                .getSideOutput(RouteAlerts.UNROUTABLE)
                .sinkTo(new DeliveryFailureSink(failures))
                .uid("unroutable-alerts")
                .name("Unroutable alerts");
        if (settings.sns != null) {
            deliveries
                    .filter(d -> d.channel == DeliveryChannel.SNS)
                    // The streaming job refuses operators without a uid (snapshot compatibility).
                    .uid("sns-deliveries")
                    .name("SNS deliveries")
                    .sinkTo(
                            new SnsAlertSink(
                                    settings.sns,
                                    settings.retry,
                                    failures,
                                    MAX_TIME_IN_BUFFER_MILLIS))
                    .uid("sns-alerts")
                    .name("SNS");
        }
        if (settings.slack != null) {
            deliveries
                    .filter(d -> d.channel == DeliveryChannel.SLACK)
                    .uid("slack-deliveries")
                    .name("Slack deliveries")
                    // One subtask per webhook, so its pacing holds however many subtasks run.
                    .partitionCustom(new ByWebhook(), d -> d.target)
                    .sinkTo(
                            new SlackAlertSink(
                                    settings.slack,
                                    settings.retry,
                                    failures,
                                    MAX_TIME_IN_BUFFER_MILLIS))
                    .uid("slack-alerts")
                    .name("Slack");
        }
    }

    /** Every delivery to one webhook goes to the same subtask. */
    static final class ByWebhook implements Partitioner<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(String webhook, int partitions) {
            return Math.floorMod(webhook.hashCode(), partitions);
        }
    }
}
