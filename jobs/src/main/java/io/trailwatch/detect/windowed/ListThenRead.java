package io.trailwatch.detect.windowed;

import io.trailwatch.alert.AlertJson;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * TW-EXFIL-01, the other pattern: a principal lists the buckets (ListBuckets) and then reads from
 * at least N distinct buckets within the listing window (an hour by default): someone who does not
 * know what is there, looking. Reads before any listing are not kept, so the window holds one
 * listing and fewer than N buckets.
 */
public final class ListThenRead extends ThresholdRule {
    private static final long serialVersionUID = 1L;
    static final String LIST_BUCKETS = "ListBuckets";

    private final long buckets;

    public ListThenRead(WindowedRuleSettings settings) {
        super(
                S3DownloadsRule.INFO.id() + "-list-then-read",
                S3DownloadsRule.INFO,
                SignalKind.S3_ACCESS,
                settings,
                settings.span("listWindow"));
        this.buckets = settings.limit("buckets");
    }

    @Override
    public Compaction compaction() {
        // one entry per bucket, and one for the latest listing (whose value is null)
        return Compaction.LATEST_PER_VALUE;
    }

    @Override
    public boolean admits(Signal s, BurstWindow window) {
        return LIST_BUCKETS.equals(s.attribute)
                || S3Downloads.GET_OBJECT.equals(s.attribute)
                        && window.latestWithAttribute(LIST_BUCKETS) >= 0;
    }

    @Override
    public Verdict judge(BurstWindow window) {
        long listed = window.latestWithAttribute(LIST_BUCKETS);
        return listed >= 0 && window.distinctValuesAfter(listed - 1).size() >= buckets
                ? Verdict.ALERT
                : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.HIGH)
                        .title(
                                "buckets listed, then "
                                        + PatternAlerts.distinct(i)
                                        + " of them read by "
                                        + Names.shortPrincipal(i.trigger.principal))
                        .field("reason", "list-then-read")
                        .field("listedAt", AlertJson.iso(i.firstSeen))
                        .field("distinctBuckets", PatternAlerts.distinct(i))
                        .field("buckets", PatternAlerts.list(i.values, i.valuesCapped))
                        .field("bytes", i.sum);
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
