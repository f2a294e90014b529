package io.trailwatch.analysis;

import io.trailwatch.detect.rules.RuleContext;
import io.trailwatch.ownership.OwnerResolver;
import io.trailwatch.ownership.OwnershipTableParser;
import java.util.Locale;

/** What the stateless rules may ask of the ownership table in force. */
final class OwnershipRuleContext implements RuleContext {
    private final OwnerResolver owners;

    OwnershipRuleContext(OwnerResolver owners) {
        this.owners = owners;
    }

    @Override
    public boolean isKnownAccount(String account) {
        return owners.knowsAccount(account);
    }

    @Override
    public boolean marksMonitoring(String arn) {
        String value = owners.attributeOfArn(arn, OwnershipTableParser.MONITORING);
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("true");
    }
}
