package io.trailwatch.alert.sink;

import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.route.AlertRouter;
import io.trailwatch.config.DeliverySettings;
import io.trailwatch.metrics.Counters;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryFailure;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns each alert into its deliveries ({@link AlertRouter}); an alert no configured destination
 * can take leaves through {@link #UNROUTABLE} to the dead letters instead of vanishing.
 */
public class RouteAlerts extends ProcessFunction<Alert, AlertDelivery> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeliveryFailure> UNROUTABLE =
            new OutputTag<>("unroutable-alerts") {};

    private final AlertRouter router;

    public RouteAlerts(DeliverySettings settings) {
        this.router = new AlertRouter(settings);
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<AlertDelivery> out) {
        List<AlertDelivery> deliveries = router.route(alert);
        if (deliveries.isEmpty()) {
            getRuntimeContext().getLongCounter(Counters.UNROUTABLE).add(1);
            ctx.output(
                    UNROUTABLE,
                    new DeliveryFailure(
                            alert.alertId,
                            alert.ruleId,
                            "route",
                            alert.owner == null ? null : alert.owner.contact,
                            DeliveryFailure.NO_ROUTE,
                            "no configured destination serves the owner's contact and no default"
                                    + " destination applies",
                            0,
                            System.currentTimeMillis(),
                            AlertJson.toJson(alert)));
            return;
        }
        for (AlertDelivery d : deliveries) {
            getRuntimeContext().getLongCounter(Counters.DELIVERIES + d.channel.id()).add(1);
            out.collect(d);
        }
    }
}
