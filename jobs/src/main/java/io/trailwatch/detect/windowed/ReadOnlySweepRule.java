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

/** TW-RECON-02: many read-only APIs across services by one principal. */
@AutoService(DetectionRule.class)
public final class ReadOnlySweepRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-RECON-02", "Reconnaissance: many read-only APIs across services")
                    .severity(
                            MEDIUM,
                            "MEDIUM: one principal calls at least 20 distinct read-only APIs across at"
                                    + " least 5 services within 5 minutes (the discovery phase of an attack, as"
                                    + " GuardDuty's Discovery findings); management events only (reading data is"
                                    + " "
                                    + S3DownloadsRule.INFO.id()
                                    + "'s business); AWS services, service-linked roles and calls"
                                    + " invoked by a service are excluded")
                    .responsibility(IDENTITY)
                    .controls("CIS-4.1", "SecurityHub-CloudWatch.2")
                    .evidence("distinctApis", "distinctServices", "services", "apis")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(5, 5)
                                    .limit("apis", 20)
                                    .limit("services", 5),
                            SignalKind.READ_ONLY_CALL)
                    .techniques("T1580", "T1526")
                    .remediation(
                            "Confirm the principal's owner ran an inventory on purpose; otherwise treat its"
                                    + " credentials as stolen: revoke sessions and rotate keys.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new ReadOnlySweep(settings));
    }
}
