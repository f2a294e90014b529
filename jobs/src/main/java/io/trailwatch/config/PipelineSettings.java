package io.trailwatch.config;

import io.trailwatch.ingest.DecodeLimits;
import io.trailwatch.ingest.FlowLogFormat;
import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of the detection graph that every entry point shares; sources and sinks have their own.
 */
public class PipelineSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * How late (in event time) a record may arrive and still count in windows. CloudTrail lags
     * minutes.
     */
    public Duration allowedLateness = Duration.ofMinutes(15);

    /**
     * After how long without records of a kind (CloudTrail, flows) a parallel instance stops
     * holding back event time; {@code null} turns idleness off, as a replay wants (its readers are
     * never idle, only busy elsewhere).
     */
    public Duration idleness = Duration.ofMinutes(1);

    /**
     * Whether the job reads a CloudTrail input (a stream for it) from its first moment: event time
     * then waits for CloudTrail records (or for the kind to go idle) before it moves, so flows read
     * first from a backlog cannot make the CloudTrail records behind them late. A replay, whose
     * files come in time order, needs no wait.
     */
    public boolean awaitCloudTrail;

    /** The same for flow records. */
    public boolean awaitFlows;

    /** TW-OWN-01 aggregation window. */
    public Duration unownedWindow = Duration.ofHours(1);

    /** Folding repeated alerts into follow-ups (docs/ARCHITECTURE.md: alerts ─▶ dedup). */
    public DedupSettings deduplication = DedupSettings.defaults();

    public DecodeLimits decodeLimits = DecodeLimits.defaults();

    public RuleSettings rules = new RuleSettings();

    /** Field names of flow records that arrive without a header (CloudWatch Logs, Kinesis). */
    public String headerlessFlowFormat = FlowLogFormat.DEFAULT_V2_HEADER;

    public PipelineSettings() {}

    public static PipelineSettings forReplay() {
        PipelineSettings s = new PipelineSettings();
        s.idleness = null;
        return s;
    }
}
