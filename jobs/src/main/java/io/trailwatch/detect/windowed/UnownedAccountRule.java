package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.GOVERNANCE;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;

/**
 * TW-OWN-01: activity in an account the ownership table does not know, summed per account over
 * fixed windows.
 */
@AutoService(DetectionRule.class)
public final class UnownedAccountRule implements DetectionRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-OWN-01", "Activity in an account the ownership table does not know")
                    .severity(
                            MEDIUM,
                            "MEDIUM: one alert per account per hour with the count of events")
                    .responsibility(GOVERNANCE)
                    .controls("CIS-1.2", "SecurityHub-Account.1")
                    .evidence("windowStart", "windowEnd")
                    .stateful(RuleKind.AGGREGATE, null)
                    .remediation(
                            "Add the account to the ownership table with its team and contact, so that its"
                                    + " alerts reach someone; if nobody claims it, review why it is active and consider"
                                    + " closing it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
