package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.OwnershipRow;
import io.trailwatch.model.OwnershipTable;
import org.junit.jupiter.api.Test;

class OwnershipTableParserTest {
    private static final String HEADER =
            "match,team,environment,contact,trusted_cidrs,cost_center\n";

    @Test
    void readsEveryColumnAndCarriesExtraOnes() throws Exception {
        OwnershipTable t =
                OwnershipTableParser.parse(
                        HEADER
                                + "111122223333,payments,prod,#payments-alerts,203.0.113.10/32 203.0.113.11/32,CC-1001\n"
                                + "\"s3://acme-payments-exports\",payments-data,prod,\"#payments-data\",,CC-1003\n",
                        "owners.csv");

        assertThat(t.rows).hasSize(2);
        OwnershipRow r = t.rows[0];
        assertThat(r.match).isEqualTo("111122223333");
        assertThat(r.team).isEqualTo("payments");
        assertThat(r.environment).isEqualTo("prod");
        assertThat(r.contact).isEqualTo("#payments-alerts");
        assertThat(r.trustedCidrs).containsExactly("203.0.113.10/32", "203.0.113.11/32");
        assertThat(r.attributes).containsExactly(new OwnerAttribute("cost_center", "CC-1001"));
        assertThat(t.rows[1].trustedCidrs).isEmpty();
        assertThat(t.source).isEqualTo("owners.csv");
        assertThat(t.version).hasSize(16);
    }

    @Test
    void namesTheLineAndColumnOfABadMatch() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER
                                                + "111122223333,payments,prod,#p,,\nnot-a-thing,x,prod,#x,,\n",
                                        "owners.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessage(
                        "ownership table owners.csv, line 3, column 'match': 'not-a-thing' is not a 12-digit account id,"
                                + " an ARN (or ARN prefix ending in *), a resource id, s3://bucket or a CIDR");
    }

    @Test
    void namesABadTrustedCidr() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER + "111122223333,payments,prod,#p,10.0.0.0/33,\n",
                                        "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 2, column 'trusted_cidrs': '10.0.0.0/33' is not a CIDR (such as 203.0.113.0/24)");
    }

    @Test
    void refusesAMissingTeam() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER + "111122223333,,prod,#p,,\n", "t.csv"))
                .hasMessage("ownership table t.csv, line 2, column 'team': is empty");
    }

    @Test
    void refusesAHeaderWithoutRequiredColumns() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        "account,owner\n111122223333,payments\n", "t.csv"))
                .hasMessage(
                        "ownership table t.csv: the header (line 1) lacks the column 'match'; it has: account, owner");
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER + "111122223333,payments\n", "t.csv"))
                .hasMessage("ownership table t.csv, line 2: has 2 fields, the header has 6");
    }

    @Test
    void refusesTheSameMatchTwice() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER
                                                + "111122223333,payments,prod,#p,,\n111122223333,platform,prod,#q,,\n",
                                        "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 3, column 'match': '111122223333' is already owned on line 2");
    }

    @Test
    void refusesUnbalancedQuotes() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER + "\"111122223333,payments,prod,#p,,\n", "t.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessageStartingWith("ownership table t.csv: not valid CSV");
    }

    @Test
    void refusesAHeaderWithAnEmptyOrRepeatedName() {
        assertThatThrownBy(
                        () -> OwnershipTableParser.parse(",team\n111122223333,payments\n", "t.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessageStartingWith(
                        "ownership table t.csv: not valid CSV: A header name is missing");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        "match,team,team\n111122223333,a,b\n", "t.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessageStartingWith("ownership table t.csv: not valid CSV");
    }

    @Test
    void recognisesEveryKindOfMatch() {
        assertThat(MatchKind.of("111122223333")).isEqualTo(MatchKind.ACCOUNT);
        assertThat(MatchKind.of("arn:aws:iam::111122223333:role/x")).isEqualTo(MatchKind.ARN);
        assertThat(MatchKind.of("arn:aws:s3:::acme-*")).isEqualTo(MatchKind.ARN_PREFIX);
        assertThat(MatchKind.of("sg-0c3f5a7b9d1e24680")).isEqualTo(MatchKind.RESOURCE_ID);
        assertThat(MatchKind.of("i-0a1b2c3d4e5f67890")).isEqualTo(MatchKind.RESOURCE_ID);
        assertThat(MatchKind.of("eni-0a1b2c3d")).isEqualTo(MatchKind.RESOURCE_ID);
        assertThat(MatchKind.of("snap-0123456789abcdef0")).isEqualTo(MatchKind.RESOURCE_ID);
        assertThat(MatchKind.of("ami-0123456789abcdef0")).isEqualTo(MatchKind.RESOURCE_ID);
        assertThat(MatchKind.of("1234abcd-12ab-34cd-56ef-1234567890ab"))
                .isEqualTo(MatchKind.RESOURCE_ID);
        assertThat(MatchKind.of("s3://acme-payments-exports")).isEqualTo(MatchKind.BUCKET);
        assertThat(MatchKind.of("10.20.0.0/16")).isEqualTo(MatchKind.CIDR);
        assertThat(MatchKind.of("2001:db8::/32")).isEqualTo(MatchKind.CIDR);
        assertThat(MatchKind.of("acme.example.com")).isNull();
    }
}
