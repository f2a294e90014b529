package io.trailwatch.alert.dedup;

import io.trailwatch.config.DedupSettings;
import io.trailwatch.model.Alert;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The de-duplication stage (docs/ARCHITECTURE.md: alerts ─▶ dedup ─▶ route), applied to the alert
 * stream every detector feeds.
 */
public final class AlertDeduplication {
    public static final String UID = "alert-dedup";

    private AlertDeduplication() {}

    public static DataStream<Alert> apply(DataStream<Alert> alerts, DedupSettings settings) {
        return alerts.keyBy(DedupKey::of, Types.STRING)
                .process(new AlertDeduplicator(settings))
                .returns(Alert.class)
                .uid(UID)
                .name("De-duplicate alerts");
    }
}
