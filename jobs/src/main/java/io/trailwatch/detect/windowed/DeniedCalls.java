package io.trailwatch.detect.windowed;

import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.SignalKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/** TW-RECON-01: at least N AccessDenied / UnauthorizedOperation errors by one principal. */
public final class DeniedCalls extends ThresholdRule {
    private static final long serialVersionUID = 1L;

    private final long errors;

    public DeniedCalls(WindowedRuleSettings settings) {
        super(DeniedCallsRule.INFO.id(), DeniedCallsRule.INFO, SignalKind.DENIED_CALL, settings);
        this.errors = settings.limit("errors");
    }

    @Override
    public Verdict judge(BurstWindow window) {
        return window.count() >= errors ? Verdict.ALERT : Verdict.NONE;
    }

    @Override
    public Alert alert(String key, Incident i, long detectedAt) {
        PatternAlerts.Builder b =
                PatternAlerts.of(this, key, i, Severity.MEDIUM)
                        .title(
                                i.count
                                        + " denied calls on "
                                        + PatternAlerts.distinct(i)
                                        + " APIs by "
                                        + Names.shortPrincipal(i.trigger.principal))
                        .field("deniedCalls", i.count)
                        .field("distinctApis", PatternAlerts.distinct(i))
                        .field("apis", PatternAlerts.list(i.values, i.valuesCapped))
                        .field("errorCodes", String.join(" ", i.attributes));
        return PatternAlerts.finish(b, i, detectedAt);
    }
}
