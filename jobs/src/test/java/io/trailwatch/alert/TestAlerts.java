package io.trailwatch.alert;

import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.Responsibility;
import io.trailwatch.model.Severity;
import java.time.Instant;

/**
 * Alerts as the risky-change rules produce them, for delivery tests: a security group opened to the
 * internet (TW-NET-01), built the way a stateless rule builds it from one CloudTrail event.
 */
public final class TestAlerts {
    public static final String ACCOUNT = "111122223333";
    public static final String PRINCIPAL = "arn:aws:iam::111122223333:user/mallory";

    private TestAlerts() {}

    public static Owner payments() {
        return new Owner(
                "payments",
                "prod",
                "#payments-alerts",
                new String[] {"203.0.113.0/24"},
                "sg-0a1b2c3d4e5f60001",
                new OwnerAttribute[] {new OwnerAttribute("cost_center", "CC-1001")});
    }

    public static Owner owner(String team, String contact) {
        return new Owner(team, "prod", contact, new String[0], ACCOUNT, new OwnerAttribute[0]);
    }

    /** The alert a TW-NET-01 rule raises for one AuthorizeSecurityGroupIngress event. */
    public static Alert securityGroupOpened(
            String eventId, String eventTime, String groupId, Owner owner) {
        long t = Instant.parse(eventTime).toEpochMilli();
        Alert a = new Alert();
        a.alertId = AlertIds.of("TW-NET-01", eventId);
        a.ruleId = "TW-NET-01";
        a.title = "Security group " + groupId + " opened to the internet on port 22";
        a.severity = Severity.CRITICAL;
        a.eventTime = t;
        a.detectedAt = t + 4_000;
        a.account = ACCOUNT;
        a.region = "eu-west-1";
        a.principal = PRINCIPAL;
        a.resource = groupId;
        a.owner = owner;
        a.responsibility = Responsibility.NETWORK;
        a.controls = new String[] {"CIS-5.2", "SecurityHub-EC2.13"};
        a.evidence =
                new Evidence(
                        1,
                        t,
                        t,
                        new String[] {eventId},
                        new EvidenceField[] {
                            new EvidenceField("eventName", "AuthorizeSecurityGroupIngress"),
                            new EvidenceField("cidr", "0.0.0.0/0"),
                            new EvidenceField("ports", "22"),
                            new EvidenceField("protocol", "tcp")
                        });
        a.remediation =
                "Remove the 0.0.0.0/0 rule from "
                        + groupId
                        + " and reach the instances through Session Manager or a VPN range.";
        return a;
    }

    /** Markup a chat platform would act on: a mention, a user mention, a link, an entity. */
    public static final String MARKUP = "<!channel> <@U0ADMIN> <https://evil.example|log in> &amp;";

    /**
     * An alert in which every value that comes from the ownership table or the event carries {@link
     * #MARKUP}: owner team, environment and contact, account, region, principal, resource, title,
     * controls, evidence names and values, event ids and remediation.
     */
    public static Alert withMarkupEverywhere() {
        Alert a =
                securityGroupOpened(
                        "e-" + MARKUP,
                        "2026-10-14T09:00:00Z",
                        "sg-" + MARKUP,
                        new Owner(
                                "payments " + MARKUP,
                                "prod " + MARKUP,
                                "#payments " + MARKUP,
                                new String[0],
                                "111122223333",
                                new OwnerAttribute[0]));
        a.title = "Bucket " + MARKUP + " opened";
        a.account = "1111 " + MARKUP;
        a.region = "eu-west-1 " + MARKUP;
        a.principal = "arn:aws:iam::111122223333:user/" + MARKUP;
        a.controls = new String[] {"CIS " + MARKUP};
        a.evidence.fields =
                new EvidenceField[] {
                    new EvidenceField("name " + MARKUP, "value " + MARKUP),
                    new EvidenceField("policy", "`" + MARKUP + "`\nnext line")
                };
        a.remediation = "Ask " + MARKUP + " for help";
        return a;
    }

    public static Alert withSeverity(Alert a, Severity s) {
        Alert c = a.copy();
        c.severity = s;
        return c;
    }
}
