package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.util.List;

/** TW-RECON-01: a burst of denied calls by one principal. */
@AutoService(DetectionRule.class)
public final class DeniedCallsRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-RECON-01", "Burst of denied API calls")
                    .severity(
                            MEDIUM,
                            "MEDIUM: at least 10 AccessDenied or UnauthorizedOperation errors for one"
                                    + " principal within 5 minutes; one alert per burst")
                    .responsibility(IDENTITY)
                    .controls("CIS-4.1", "SecurityHub-CloudWatch.2")
                    .evidence("deniedCalls", "distinctApis", "apis", "errorCodes")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(5, 5).limit("errors", 10),
                            SignalKind.DENIED_CALL)
                    .techniques("T1580")
                    .remediation(
                            "Find out who holds these credentials and what they were trying to reach; rotate"
                                    + " them if they may have leaked (a CI log, a laptop).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new DeniedCalls(settings));
    }
}
