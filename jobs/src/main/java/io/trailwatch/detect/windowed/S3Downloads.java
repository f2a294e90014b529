package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/** TW-EXFIL-01 by volume: one principal downloads at least N objects or N bytes from S3. */
public final class S3Downloads extends ThresholdRule {
    private static final long serialVersionUID = 1L;
    static final String GET_OBJECT = "GetObject";

    private final long objects;
    private final long bytes;

    public S3Downloads(WindowedRuleSettings settings) {
        super(
                S3DownloadsRule.INFO.id() + "-volume",
                S3DownloadsRule.INFO,
                SignalKind.S3_ACCESS,
                settings);
        this.objects = settings.limit("objects");
        this.bytes = settings.limit("bytes");
    }

    @Override
    public boolean relevant(Signal s) {
        return GET_OBJECT.equals(s.attribute);
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.count() >= objects || window.sum() >= bytes ? Verdict.ALERT : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.HIGH)
                        .title(
                                i.count
                                        + " objects ("
                                        + Names.bytes(i.sum)
                                        + ") downloaded by "
                                        + Names.shortPrincipal(i.trigger.principal))
                        .field("reason", "volume")
                        .field("objects", i.count)
                        .field("bytes", i.sum)
                        .field("distinctBuckets", PatternAlerts.distinct(i))
                        .field("buckets", PatternAlerts.list(i.values, i.valuesCapped));
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
