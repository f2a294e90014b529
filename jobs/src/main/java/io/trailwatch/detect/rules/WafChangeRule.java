package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.HIGH;
import static io.trailwatch.model.Severity.MEDIUM;

import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;

/** TW-NET-06: WAF web ACLs and rules deleted, disassociated or changed. */
@AutoService(DetectionRule.class)
public final class WafChangeRule extends ChangeByNameRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NET-06", "WAF web ACL or rule deleted, disassociated or changed")
                    .severity(
                            MEDIUM,
                            "HIGH when a web ACL is deleted or disassociated from its resource; MEDIUM"
                                    + " when a web ACL or rule group is updated or a rule deleted")
                    .responsibility(NETWORK)
                    .controls("SecurityHub-WAF.10")
                    .evidence("webAcl", "change")
                    .techniques("T1562.007")
                    .remediation(
                            "Compare the web ACL with its last reviewed version and restore removed rules;"
                                    + " an unprotected application front end invites SSRF and injection.");

    public WafChangeRule() {
        super(
                of(INFO, "webAcl")
                        .source("wafv2.amazonaws.com")
                        .on(HIGH, "DeleteWebACL", "DisassociateWebACL")
                        .on(MEDIUM, "UpdateWebACL", "DeleteRuleGroup", "UpdateRuleGroup")
                        .source("waf.amazonaws.com")
                        .on(HIGH, "DeleteWebACL")
                        .on(MEDIUM, "UpdateWebACL", "DeleteRule", "UpdateRule")
                        .source("waf-regional.amazonaws.com")
                        .on(HIGH, "DeleteWebACL", "DisassociateWebACL")
                        .on(MEDIUM, "UpdateWebACL", "DeleteRule", "UpdateRule"));
    }
}
