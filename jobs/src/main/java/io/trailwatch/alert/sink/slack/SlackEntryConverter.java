package io.trailwatch.alert.sink.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.alert.format.SlackMessages;
import io.trailwatch.model.AlertDelivery;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Renders a delivery into the Block Kit message posted to the webhook. */
final class SlackEntryConverter implements ElementConverter<AlertDelivery, SlackMessageEntry> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public SlackMessageEntry apply(AlertDelivery delivery, SinkWriter.Context context) {
        try {
            return new SlackMessageEntry(
                    delivery.target,
                    delivery.recipient,
                    delivery.alert.alertId,
                    delivery.alert.ruleId,
                    MAPPER.writeValueAsString(SlackMessages.render(delivery)),
                    AlertJson.toJson(delivery.alert),
                    System.currentTimeMillis(),
                    0,
                    null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
