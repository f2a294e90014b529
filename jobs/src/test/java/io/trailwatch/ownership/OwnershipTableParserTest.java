package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.OwnershipRow;
import io.trailwatch.model.OwnershipTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void refusesUnbalancedQuotesNamingWhereTheQuotedValueStarts() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER
                                                + "111122223333,payments,prod,#p,,\n\n"
                                                + "444455556666,\"data,prod,#d,,\n",
                                        "t.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessage(
                        "ownership table t.csv, line 4, column 14: not valid CSV: the quoted value"
                                + " that starts here is never closed (a quote inside a quoted value is"
                                + " written twice: \"\")");
    }

    @Test
    void refusesTextAfterAClosingQuoteNamingItsLineAndColumn() {
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER
                                                + "111122223333,\"pay\nments\",prod,#p,,\n"
                                                + "444455556666,\"data\"-eng,prod,#d,,\n",
                                        "t.csv"))
                .hasMessageStartingWith(
                        "ownership table t.csv, line 4, column 20: not valid CSV: text after the"
                                + " closing quote of a value");
    }

    @Test
    void refusesAHeaderWithAnEmptyOrRepeatedName() {
        assertThatThrownBy(
                        () -> OwnershipTableParser.parse(",team\n111122223333,payments\n", "t.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessageStartingWith(
                        "ownership table t.csv, line 1: not valid CSV: A header name is missing");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        "\nmatch,team,team\n111122223333,a,b\n", "t.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessageStartingWith(
                        "ownership table t.csv, line 2: not valid CSV: The header contains a"
                                + " duplicate name");
    }

    @Test
    void namesThePhysicalLineAfterBlankLinesAndValuesThatSpanLines() {
        String table =
                HEADER
                        + "111122223333,payments,prod,#p,,CC-1001\n"
                        + "\n"
                        + "444455556666,data,prod,#d,,\"CC-2001\n"
                        + "(shared with finance)\"\n"
                        + "\r\n"
                        + "not-a-thing,x,prod,#x,,\n";

        assertThatThrownBy(() -> OwnershipTableParser.parse(table, "t.csv"))
                .hasMessageStartingWith(
                        "ownership table t.csv, line 7, column 'match': 'not-a-thing' is not a");
    }

    @Test
    void namesTheLineAValueStartsOnWhenAnEarlierValueOfItsRowSpansLines() {
        String table = HEADER + "111122223333,payments,prod,\"#p\n#q\",10.0.0.0/33,\n";

        assertThatThrownBy(() -> OwnershipTableParser.parse(table, "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 3, column 'trusted_cidrs': '10.0.0.0/33' is not"
                                + " a CIDR (such as 203.0.113.0/24)");
    }

    @Test
    void theLineOfEachRowIsItsPhysicalLine() throws Exception {
        OwnershipTable t =
                OwnershipTableParser.parse(
                        HEADER
                                + "\n111122223333,payments,prod,\"#p\n#q\",,\n"
                                + "444455556666,data,prod,#d,,\n",
                        "t.csv");

        assertThat(t.rows).extracting(r -> r.line).containsExactly(3, 5);
    }

    @Test
    void namesTheLineColumnAndByteOfBytesThatAreNotUtf8(@TempDir Path dir) throws Exception {
        // An 'é' in Latin-1: the file was saved in another encoding than UTF-8.
        byte[] before =
                (HEADER + "111122223333,payments,prod,#p,,CC-1001\n444455556666,d")
                        .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write(before);
        content.write(0xE9);
        content.write("quipe,prod,#d,,\n".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("owners.csv"), content.toByteArray());

        assertThatThrownBy(() -> OwnershipTableParser.parse(file))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessage(
                        "ownership table "
                                + file
                                + ", line 3, column 15 (byte offset "
                                + before.length
                                + "): not UTF-8 (0xE9); save the file as UTF-8");
    }

    @Test
    void refusesValuesLongerThanTheirColumnAllowsWithoutQuotingThem() throws Exception {
        String arn = "arn:aws:iam::111122223333:role/" + "x".repeat(5 * 1024 * 1024);
        String longest = arn.substring(0, 2048);

        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER + arn + ",payments,prod,#p,,\n", "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 2, column 'match': is "
                                + arn.length()
                                + " characters long; at most 2048 (the longest ARN AWS accepts)");
        assertThat(OwnershipTableParser.parse(HEADER + longest + ",p,prod,#p,,\n", "t.csv").rows)
                .hasSize(1);
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER + "111122223333," + "t".repeat(129) + ",prod,,,\n",
                                        "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 2, column 'team': is 129 characters long; at"
                                + " most 128");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER + "111122223333,p," + "e".repeat(65) + ",,,\n",
                                        "t.csv"))
                .hasMessageContaining("column 'environment': is 65 characters long; at most 64");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER
                                                + "111122223333,p,prod,#"
                                                + "c".repeat(1024)
                                                + ",,\n",
                                        "t.csv"))
                .hasMessageContaining("column 'contact': is 1025 characters long; at most 1024");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        HEADER
                                                + "111122223333,p,prod,#p,,"
                                                + "C".repeat(1025)
                                                + "\n",
                                        "t.csv"))
                .hasMessageContaining(
                        "column 'cost_center': is 1025 characters long; at most 1024");
    }

    @Test
    void refusesMoreThanAHundredTrustedRangesInARow() throws Exception {
        StringBuilder ranges = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            ranges.append(i == 0 ? "" : " ").append("198.51.100.").append(i).append("/32");
        }
        String hundred = HEADER + "111122223333,payments,prod,#p," + ranges + ",\n";
        String more = HEADER + "111122223333,payments,prod,#p," + ranges + " 203.0.113.1/32,\n";

        assertThat(OwnershipTableParser.parse(hundred, "t.csv").rows[0].trustedCidrs).hasSize(100);
        assertThatThrownBy(() -> OwnershipTableParser.parse(more, "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 2, column 'trusted_cidrs': names 101 ranges;"
                                + " at most 100 per row");
    }

    @Test
    void refusesMoreFurtherColumnsThanAnAlertCarriesAndOverlongColumnNames() throws Exception {
        StringBuilder header = new StringBuilder("match,team");
        StringBuilder row = new StringBuilder("111122223333,payments");
        for (int i = 1; i <= 32; i++) {
            header.append(",extra_").append(i);
            row.append(",v").append(i);
        }

        assertThat(
                        OwnershipTableParser.parse(header + "\n" + row + "\n", "t.csv")
                                .rows[0]
                                .attributes)
                .hasSize(32);
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + ",extra_33\n" + row + ",v33\n", "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 1: the header has 33 further columns (owner"
                                + " attributes); at most 32");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        "\nmatch,team," + "n".repeat(65) + "\n111122223333,p,v\n",
                                        "t.csv"))
                .hasMessageStartingWith(
                        "ownership table t.csv, line 2, column 12: the header names a column of 65"
                                + " characters");
    }

    @Test
    void refusesATrustedRangeBroaderThanSlash8OrSlash16UnlessItsRowAllowsIt() throws Exception {
        String header = "match,team,trusted_cidrs,allow_broad_trust\n";

        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + "111122223333,payments,0.0.0.0/0 ::/0,\n",
                                        "t.csv"))
                .isInstanceOf(OwnershipTableException.class)
                .hasMessageStartingWith(
                        "ownership table t.csv, line 2, column 'trusted_cidrs': '0.0.0.0/0' is"
                                + " broader than /8, the broadest IPv4 range a row may trust:")
                .hasMessageEndingWith("or write yes in an allow_broad_trust column of this row");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + "111122223333,payments,203.0.113.0/24 ::/0,no\n",
                                        "t.csv"))
                .hasMessageStartingWith(
                        "ownership table t.csv, line 2, column 'trusted_cidrs': '::/0' is broader"
                                + " than /16, the broadest IPv6 range");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        "match,team,trusted_cidrs\n111122223333,p,10.0.0.0/7\n",
                                        "t.csv"))
                .hasMessageContaining("'10.0.0.0/7' is broader than /8");

        OwnershipTable widest =
                OwnershipTableParser.parse(
                        header + "111122223333,payments,10.0.0.0/8 2001:db8::/16,\n", "t.csv");
        assertThat(widest.rows[0].trustedCidrs).containsExactly("10.0.0.0/8", "2001:db8::/16");

        OwnershipTable allowed =
                OwnershipTableParser.parse(
                        header
                                + "111122223333,payments,0.0.0.0/0 ::/0,yes\n"
                                + "444455556666,data,0.0.0.0/1,TRUE\n",
                        "t.csv");
        assertThat(allowed.rows[0].trustedCidrs).containsExactly("0.0.0.0/0", "::/0");
        assertThat(allowed.rows[0].attributes).isEmpty();
        assertThat(allowed.rows[1].trustedCidrs).containsExactly("0.0.0.0/1");

        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + "111122223333,payments,0.0.0.0/0,maybe\n",
                                        "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 2, column 'allow_broad_trust': 'maybe' is"
                                + " neither yes (or true) nor no (or false)");
    }

    @Test
    void theMonitoringColumnSaysYesOrNo() throws Exception {
        String header = "match,team,monitoring\n";
        OwnershipTable table =
                OwnershipTableParser.parse(
                        header
                                + "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:edr-heartbeat,soc,yes\n"
                                + "arn:aws:events:eu-west-1:111122223333:rule/nightly,batch,\n",
                        "t.csv");
        assertThat(table.rows[0].attributes)
                .extracting(a -> a.name + "=" + a.value)
                .containsExactly("monitoring=yes");

        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + "111122223333,payments,sometimes\n", "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 2, column 'monitoring': 'sometimes' is"
                                + " neither yes (or true) nor no (or false)");
    }

    @Test
    void theBroadestTrustedRangeIsASetting() throws Exception {
        String table = "match,team,trusted_cidrs\n111122223333,payments,10.16.0.0/12\n";

        assertThat(OwnershipTableParser.parse(table, "t.csv").rows).hasSize(1);
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        table, "t.csv", TrustedCidrLimit.parse("/16,/48")))
                .hasMessageContaining("'10.16.0.0/12' is broader than /16");
        assertThat(
                        OwnershipTableParser.parse(
                                        "match,team,trusted_cidrs\n111122223333,p,0.0.0.0/0 ::/0\n",
                                        "t.csv",
                                        TrustedCidrLimit.parse("0,0"))
                                .rows)
                .hasSize(1);
        assertThat(TrustedCidrLimit.parse(" /16 , 48 ")).hasToString("/16,/48");
        assertThat(TrustedCidrLimit.DEFAULT).hasToString("/8,/16");
        for (String bad : new String[] {"8", "/33,/16", "/8,/129", "8,16,24", "a,b", ""}) {
            assertThatThrownBy(() -> TrustedCidrLimit.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "'"
                                    + bad
                                    + "' is not two prefix lengths, IPv4 (0-32) then IPv6 (0-128),"
                                    + " such as /8,/16");
        }
    }

    @Test
    void refusesTheSameNetworkTwiceButLetsANetworkInsideAnotherHaveItsOwnTeam() throws Exception {
        String header = "match,team\n";

        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + "10.0.0.0/8,payments\n10.1.2.3/8,platform\n",
                                        "t.csv"))
                .hasMessage(
                        "ownership table t.csv, line 3, column 'match': '10.1.2.3/8' is the same"
                                + " network as '10.0.0.0/8', already owned on line 2 (team"
                                + " 'payments')");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + "2001:db8::/32,a\n\n2001:0DB8:0::/32,a\n",
                                        "t.csv"))
                .hasMessageStartingWith(
                        "ownership table t.csv, line 4, column 'match': '2001:0DB8:0::/32' is the"
                                + " same network as '2001:db8::/32'");
        assertThatThrownBy(
                        () ->
                                OwnershipTableParser.parse(
                                        header + "203.0.113.5,a\n203.0.113.5/32,b\n", "t.csv"))
                .hasMessageContaining("'203.0.113.5/32' is the same network as '203.0.113.5'");

        OwnerResolver nested =
                new OwnerResolver(
                        OwnershipTableParser.parse(
                                header + "10.0.0.0/8,network\n10.1.0.0/16,payments\n", "t.csv"));
        FlowRecord inside = new FlowRecord();
        inside.srcAddr = "10.1.2.3";
        FlowRecord outside = new FlowRecord();
        outside.srcAddr = "10.2.0.1";
        assertThat(nested.resolve(inside).team).isEqualTo("payments");
        assertThat(nested.resolve(outside).team).isEqualTo("network");
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
