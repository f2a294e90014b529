package io.trailwatch.config;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Known-good activity that must not alert: a rule (or every rule, {@code *}) and the account,
 * principal and resource it applies to (each optional, {@code *} wildcards allowed), why, and until
 * when.
 */
public final class Suppression implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String ruleId;
    public final String account;
    public final String principal;
    public final String resource;
    public final String reason;

    /** Last day it applies (inclusive, UTC), as epoch milliseconds of the next day's start. */
    public final long expiresAt;

    public final int line;

    private final Pattern accountPattern;
    private final Pattern principalPattern;
    private final Pattern resourcePattern;

    public Suppression(
            String ruleId,
            String account,
            String principal,
            String resource,
            String reason,
            long expiresAt,
            int line) {
        this.ruleId = ruleId;
        this.account = account;
        this.principal = principal;
        this.resource = resource;
        this.reason = reason;
        this.expiresAt = expiresAt;
        this.line = line;
        this.accountPattern = glob(account);
        this.principalPattern = glob(principal);
        this.resourcePattern = glob(resource);
    }

    /**
     * Whether it silences an alert of this rule about this account, principal and resource at this
     * time.
     */
    public boolean matches(
            String alertRule,
            String alertAccount,
            String alertPrincipal,
            String alertResource,
            long eventTime) {
        return eventTime < expiresAt
                && (ruleId.equals("*") || ruleId.equals(alertRule))
                && matches(accountPattern, alertAccount)
                && matches(principalPattern, alertPrincipal)
                && matches(resourcePattern, alertResource);
    }

    private static boolean matches(Pattern p, String value) {
        return p == null || value != null && p.matcher(value).matches();
    }

    private static Pattern glob(String g) {
        if (g == null) {
            return null;
        }
        StringBuilder re = new StringBuilder();
        String[] parts = g.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }
}
