package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.format.SnsMessage;
import io.trailwatch.alert.format.SnsMessages;
import io.trailwatch.config.SnsMessageFormat;
import io.trailwatch.model.Alert;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryFailure;
import io.trailwatch.model.Owner;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Renders a delivery into the SNS message it is published as. */
final class SnsEntryConverter implements ElementConverter<AlertDelivery, SnsPublishEntry> {
    private static final long serialVersionUID = 1L;

    private final SnsMessageFormat format;

    SnsEntryConverter(SnsMessageFormat format) {
        this.format = format;
    }

    @Override
    public SnsPublishEntry apply(AlertDelivery delivery, SinkWriter.Context context) {
        Alert a = delivery.alert;
        String alertJson = AlertJson.toJson(a);
        String team = a.owner == null ? Owner.UNOWNED_TEAM : a.owner.team;
        SnsMessage m = SnsMessages.render(a, format);
        if (m == null) {
            return new SnsPublishEntry(
                    delivery.target,
                    a.alertId,
                    a.ruleId,
                    team,
                    null,
                    null,
                    new String[0],
                    new String[0],
                    alertJson,
                    DeliveryFailure.TOO_LARGE,
                    System.currentTimeMillis(),
                    0,
                    null);
        }
        return new SnsPublishEntry(
                delivery.target,
                a.alertId,
                a.ruleId,
                team,
                m.body,
                m.subject,
                m.attributeNames,
                m.attributeValues,
                alertJson.equals(m.body) ? null : alertJson,
                null,
                System.currentTimeMillis(),
                0,
                null);
    }
}
