package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.UserIdentity;
import org.junit.jupiter.api.Test;

/** Which trusted ranges apply to a caller: the most specific row that declares any. */
class TrustedCidrsTest {
    private static final String TABLE =
            "match,team,environment,contact,trusted_cidrs\n"
                    + "111122223333,payments,prod,#payments-alerts,203.0.113.10/32 203.0.113.11/32\n"
                    + "arn:aws:iam::111122223333:role/payments-web-role,payments-web,prod,#payments-web,203.0.113.10/32\n"
                    + "arn:aws:iam::111122223333:role/batch,batch,prod,#batch,\n"
                    + "s3://acme-payments-exports,payments-data,prod,#payments-data,\n"
                    + "444455556666,platform,staging,#platform,203.0.113.128/28\n";

    private final OwnerResolver resolver =
            new OwnerResolver(OwnershipTableParser.parse(TABLE, "t.csv"));

    TrustedCidrsTest() throws Exception {}

    @Test
    void aRoleRowWithRangesNarrowsTheAccountRow() {
        CloudTrailEvent e = event("payments-web-role");
        e.owner = resolver.resolve(e);

        assertThat(resolver.trustedCidrsFor(e)).containsExactly("203.0.113.10/32");
    }

    @Test
    void aRowWithoutRangesFallsBackToTheAccount() {
        CloudTrailEvent e = event("batch");
        e.owner = resolver.resolve(e);

        assertThat(e.owner.team).isEqualTo("batch");
        assertThat(resolver.trustedCidrsFor(e))
                .containsExactly("203.0.113.10/32", "203.0.113.11/32");
    }

    @Test
    void anAccountWithoutRowTrustsNothing() {
        CloudTrailEvent e = event("x");
        e.recipientAccountId = "210987654321";
        e.userIdentity.sessionIssuerArn = "arn:aws:iam::210987654321:role/x";

        assertThat(resolver.trustedCidrsFor(e)).isEmpty();
    }

    @Test
    void everyRangeOfTheTableIsKnownOnce() {
        assertThat(resolver.allTrustedCidrs())
                .containsExactly("203.0.113.10/32", "203.0.113.11/32", "203.0.113.128/28");
    }

    private static CloudTrailEvent event(String role) {
        CloudTrailEvent e = new CloudTrailEvent();
        e.eventId = "e1";
        e.recipientAccountId = "111122223333";
        e.userIdentity = new UserIdentity();
        e.userIdentity.type = "AssumedRole";
        e.userIdentity.arn =
                "arn:aws:sts::111122223333:assumed-role/" + role + "/i-0a1b2c3d4e5f67890";
        e.userIdentity.sessionIssuerArn = "arn:aws:iam::111122223333:role/" + role;
        return e;
    }
}
