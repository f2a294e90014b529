package io.trailwatch.detect;

import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule Trailwatch has, registered in one place; ids are the contract of DESIGN.md §7. */
public final class RuleCatalog {
    public static final RuleInfo UNOWNED_ACCOUNT =
            new RuleInfo(
                    "TW-OWN-01",
                    "Activity in an account the ownership table does not know",
                    Severity.MEDIUM,
                    Responsibility.GOVERNANCE,
                    List.of("CIS-1.2", "SecurityHub-Account.1"),
                    "Add the account to the ownership table with its team and contact, so that its alerts reach"
                            + " someone; if nobody claims it, review why it is active and consider closing it.");

    private static final Map<String, RuleInfo> RULES = new LinkedHashMap<>();

    static {
        register(UNOWNED_ACCOUNT);
    }

    private RuleCatalog() {}

    private static void register(RuleInfo rule) {
        if (RULES.putIfAbsent(rule.id(), rule) != null) {
            throw new IllegalStateException("rule id registered twice: " + rule.id());
        }
    }

    public static List<RuleInfo> all() {
        return List.copyOf(RULES.values());
    }

    public static RuleInfo byId(String id) {
        return RULES.get(id);
    }
}
