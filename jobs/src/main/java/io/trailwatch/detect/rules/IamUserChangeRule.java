package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.IDENTITY;
import static io.trailwatch.model.Severity.LOW;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-IAM-05: an IAM user or its console password created or changed. */
@AutoService(DetectionRule.class)
public final class IamUserChangeRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-IAM-05", "IAM user or console password created or changed")
                    .severity(
                            LOW,
                            "MEDIUM when a console password (login profile) is created or changed for a"
                                    + " user; LOW for user creation or updates")
                    .responsibility(IDENTITY)
                    .controls("CIS-1.11")
                    .evidence("userName", "change")
                    .techniques("T1136.003", "T1098.001")
                    .remediation(
                            "Confirm the change with the user's team; prefer federated or IAM Identity Center"
                                    + " access to long-lived IAM users.");

    public IamUserChangeRule() {
        super(
                of(INFO, "userName")
                        .source("iam.amazonaws.com")
                        .on(LOW, "CreateUser", "UpdateUser")
                        .on(MEDIUM, "CreateLoginProfile", "UpdateLoginProfile"));
    }
}
