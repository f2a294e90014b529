package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/**
 * TW-EXFIL-02: at least N bytes from one network interface to one public address within the window.
 * Entries are folded per second, so the window holds at most its length in seconds.
 */
public final class EgressVolume extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    private final long bytes;

    public EgressVolume(WindowedRuleSettings settings) {
        super(EgressVolumeRule.INFO.id(), EgressVolumeRule.INFO, SignalKind.EGRESS, settings);
        this.bytes = settings.limit("bytes");
    }

    @Override
    public Compaction compaction() {
        return Compaction.PER_SECOND;
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.sum() >= bytes ? Verdict.ALERT : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        String[] k = keyParts(key);
        String eni = k[1];
        String destination = k[2];
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.HIGH)
                        .title(Names.bytes(i.sum) + " from " + eni + " to " + destination)
                        .resource(eni)
                        .field("bytes", i.sum)
                        .field("destination", destination)
                        .field("interfaceId", eni)
                        .field("sourceAddresses", PatternAlerts.list(i.values, i.valuesCapped))
                        .field("flows", i.count);
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
