package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.series;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.EvidenceField;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions of every threshold rule, on plain Java state fed in event-time order: the threshold
 * fires, the near miss does not, "within N minutes" slides, distinct counts are exact, and windows
 * stay bounded.
 */
class ThresholdRulesTest {

    /** Feeds the signals in order; returns the incidents opened (silent ones included). */
    private static List<Incident> feed(ThresholdRule rule, BurstState st, Signal... signals) {
        List<Incident> opened = new ArrayList<>();
        Signal[] sorted = signals.clone();
        Arrays.sort(sorted, Signal.ORDER);
        for (Signal s : sorted) {
            Incident i = st.offer(s, rule);
            if (i != null) {
                opened.add(i);
            }
        }
        return opened;
    }

    private static List<Incident> feed(ThresholdRule rule, Signal... signals) {
        return feed(rule, new BurstState(), signals);
    }

    private static String field(Alert a, String name) {
        for (EvidenceField f : a.evidence.fields) {
            if (f.name.equals(name)) {
                return f.value;
            }
        }
        return null;
    }

    // TW-AUTH-01

    @Test
    void fiveFailuresFromOneAddressWithinFiveMinutesAreABruteForce() {
        ThresholdRule rule =
                new FailedLoginsFromAddress(ConsoleLoginFailuresRule.INFO.defaultSettings());
        String key = "777788889999 198.51.100.23";

        assertThat(feed(rule, series(key, "10:30:05", 30, 4, i -> "analyst-mchen"))).isEmpty();
        List<Incident> opened = feed(rule, series(key, "10:30:05", 30, 5, i -> "analyst-mchen"));
        assertThat(opened).hasSize(1);

        Alert a = rule.alert(key, opened.get(0), 0L);
        assertThat(a.ruleId).isEqualTo("TW-AUTH-01");
        assertThat(a.severity).isEqualTo(Severity.MEDIUM);
        assertThat(a.principal).isEqualTo("198.51.100.23");
        assertThat(a.resource).isEqualTo("arn:aws:iam::777788889999:user/analyst-mchen");
        assertThat(a.eventTime).isEqualTo(at("10:30:05"));
        assertThat(field(a, "pattern")).isEqualTo("brute force");
        assertThat(a.evidence.count).isEqualTo(5);
    }

    @Test
    void aBurstStraddlingATumblingBoundaryIsSeenWhole() {
        ThresholdRule rule =
                new FailedLoginsFromAddress(ConsoleLoginFailuresRule.INFO.defaultSettings());
        // 10:02:30 … 10:07:10: three in [10:00, 10:05), two in [10:05, 10:10), all within 5 minutes
        Signal[] s = series("a 198.51.100.23", "10:02:30", 70, 5, i -> "u");

        assertThat(feed(rule, s)).hasSize(1);
    }

    @Test
    void failuresExactlyAWindowApartAreNotWithinIt() {
        ThresholdRule rule =
                new FailedLoginsFromAddress(ConsoleLoginFailuresRule.INFO.defaultSettings());
        // five failures spanning exactly 5 minutes: the first has left when the fifth arrives
        Signal[] s = series("a 198.51.100.23", "10:00:00", 75, 5, i -> "u");

        assertThat(feed(rule, s)).isEmpty();
    }

    @Test
    void fiveDistinctUsersFromOneAddressArePasswordSpraying() {
        ThresholdRule rule =
                new FailedLoginsFromAddress(ConsoleLoginFailuresRule.INFO.defaultSettings());
        String key = "777788889999 198.51.100.24";
        List<Incident> opened = feed(rule, series(key, "10:01:10", 33, 6, i -> "user-" + i));

        Alert a = rule.alert(key, opened.get(0), 0L);
        assertThat(field(a, "pattern")).isEqualTo("password spraying");
        assertThat(field(a, "distinctUsers")).isEqualTo("6");
        assertThat(a.resource).isEqualTo("198.51.100.24");
    }

    @Test
    void aUsersFailuresCarriedByOneAddressAreThatAddresssBurst() {
        ThresholdRule rule =
                new FailedLoginsForUser(ConsoleLoginFailuresRule.INFO.defaultSettings());
        String key = "777788889999 analyst-mchen";

        List<Incident> oneAddress =
                feed(rule, series(key, "10:30:05", 20, 7, i -> "198.51.100.23"));
        assertThat(oneAddress).hasSize(1);
        assertThat(oneAddress.get(0).silent).isTrue();

        List<Incident> spread =
                feed(rule, series(key, "10:30:05", 20, 5, i -> "198.51.100." + (i % 3)));
        assertThat(spread).hasSize(1);
        assertThat(spread.get(0).silent).isFalse();
        Alert a = rule.alert(key, spread.get(0), 0L);
        assertThat(field(a, "pattern")).isEqualTo("distributed brute force");
        assertThat(field(a, "distinctAddresses")).isEqualTo("3");
    }

    @Test
    void twoTyposThenALoginAreNothing() {
        ThresholdRule rule =
                new FailedLoginsFromAddress(ConsoleLoginFailuresRule.INFO.defaultSettings());
        assertThat(feed(rule, series("a 203.0.113.71", "09:20:05", 20, 2, i -> "analyst-rdiaz")))
                .isEmpty();
    }

    // TW-RECON-01

    @Test
    void tenDeniedCallsWithinFiveMinutesFire() {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        String key = "777788889999 arn:aws:sts::777788889999:assumed-role/etl-runner/ci-1234";

        assertThat(feed(rule, series(key, "10:16:20", 12, 9, i -> "iam:ListUsers"))).isEmpty();
        List<Incident> opened =
                feed(rule, series(key, "10:16:20", 12, 14, i -> "svc:Api" + (i % 13)));
        assertThat(opened).hasSize(1);
        // the report delay lets the rest of the burst in: here the incident absorbed all 14
        assertThat(opened.get(0).count).isEqualTo(14);
        assertThat(field(rule.alert(key, opened.get(0), 0L), "distinctApis")).isEqualTo("13");
    }

    @Test
    void threeAccessDeniedAreANearMiss() {
        assertThat(
                        feed(
                                new DeniedCalls(DeniedCallsRule.INFO.defaultSettings()),
                                series("a p", "09:24:00", 20, 3, i -> "iam:GetUser")))
                .isEmpty();
    }

    // TW-RECON-02

    @Test
    void twentyDistinctReadOnlyApisAcrossFiveServicesFire() {
        ThresholdRule rule = new ReadOnlySweep(ReadOnlySweepRule.INFO.defaultSettings());
        String key = "111122223333 arn:aws:sts::111122223333:assumed-role/r/i-1";

        // 19 APIs over 5 services: no
        assertThat(feed(rule, series(key, "10:06:05", 5, 19, i -> "svc" + (i % 5) + ":Api" + i)))
                .isEmpty();
        // 20 APIs over 4 services: no
        assertThat(feed(rule, series(key, "10:06:05", 5, 20, i -> "svc" + (i % 4) + ":Api" + i)))
                .isEmpty();
        // the same API a hundred times is one API
        assertThat(feed(rule, series(key, "10:06:05", 1, 100, i -> "ec2:DescribeInstances")))
                .isEmpty();
        List<Incident> opened =
                feed(rule, series(key, "10:06:05", 5, 20, i -> "svc" + (i % 5) + ":Api" + i));
        assertThat(opened).hasSize(1);
        Alert a = rule.alert(key, opened.get(0), 0L);
        assertThat(field(a, "distinctApis")).isEqualTo("20");
        assertThat(field(a, "distinctServices")).isEqualTo("5");
    }

    @Test
    void aSlowSweepDoesNotAddUp() {
        ThresholdRule rule = new ReadOnlySweep(ReadOnlySweepRule.INFO.defaultSettings());
        // 30 APIs, one every 20 s: at most 15 in any 5 minutes
        assertThat(feed(rule, series("a p", "10:00:00", 20, 30, i -> "svc" + (i % 6) + ":Api" + i)))
                .isEmpty();
    }

    // TW-CRED-01

    @Test
    void instanceCredentialsAlertOnFirstUseAndOncePerSessionAndAddress() {
        ThresholdRule rule =
                new InstanceCredentialsOutside(InstanceCredentialsRule.INFO.defaultSettings());
        String key =
                "111122223333 arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890 198.51.100.77";
        Signal[] uses = series(key, "10:05:12", 10, 163, i -> "api" + (i % 26));
        for (Signal s : uses) {
            s.detail = "198.51.100.77";
            s.resource = "i-0a1b2c3d4e5f67890";
            s.principal =
                    "arn:aws:sts::111122223333:assumed-role/payments-web-role/i-0a1b2c3d4e5f67890";
            s.attribute = "1.0";
        }
        BurstState st = new BurstState();
        List<Incident> opened = feed(rule, st, uses);

        assertThat(opened).hasSize(1);
        Alert a = rule.alert(key, opened.get(0), 0L);
        assertThat(a.severity).isEqualTo(Severity.HIGH);
        assertThat(a.eventTime).isEqualTo(at("10:05:12"));
        assertThat(a.resource).isEqualTo("i-0a1b2c3d4e5f67890");
        assertThat(field(a, "role")).isEqualTo("payments-web-role");
        assertThat(field(a, "ec2RoleDelivery")).isEqualTo("1.0");
        assertThat(field(a, "distinctApis")).isEqualTo("26");
        assertThat(a.evidence.count).isEqualTo(163);
        assertThat(a.evidence.eventIds).hasSize(10);
    }

    // TW-EXFIL-01

    @Test
    void aHundredObjectsOrAGibibyteWithinTenMinutesFire() {
        ThresholdRule rule = new S3Downloads(S3DownloadsRule.INFO.defaultSettings());
        assertThat(feed(rule, downloads("10:10:27", 5, 99, 1000))).isEmpty();
        assertThat(feed(rule, downloads("10:10:27", 5, 100, 1000))).hasSize(1);
        assertThat(feed(rule, downloads("10:10:27", 60, 3, 400L << 20))).hasSize(1);
        // a hundred objects over 20 minutes: never 100 within 10
        assertThat(feed(rule, downloads("10:00:00", 12, 100, 1000))).isEmpty();
    }

    @Test
    void listingsDoNotCountAsDownloads() {
        ThresholdRule rule = new S3Downloads(S3DownloadsRule.INFO.defaultSettings());
        Signal[] lists = series("a p", "10:00:00", 1, 150, i -> null);
        for (Signal s : lists) {
            s.attribute = "ListBuckets";
        }
        assertThat(feed(rule, lists)).isEmpty();
    }

    @Test
    void listingThenReadingThreeBucketsFires() {
        ThresholdRule rule = new ListThenRead(S3DownloadsRule.INFO.defaultSettings());
        String key = "111122223333 arn:aws:sts::111122223333:assumed-role/payments-web-role/i-1";
        Signal list = signal(key, "10:06:05", "list").attribute("ListBuckets");
        Signal[] reads = {
            read(key, "10:10:27", "acme-payments-exports"),
            read(key, "10:13:31", "acme-payments-statements"),
            read(key, "10:15:50", "acme-payments-logs")
        };

        List<Incident> opened = feed(rule, list, reads[0], reads[1], reads[2]);

        assertThat(opened).hasSize(1);
        Alert a = rule.alert(key, opened.get(0), 0L);
        assertThat(a.eventTime).isEqualTo(at("10:06:05"));
        assertThat(field(a, "reason")).isEqualTo("list-then-read");
        assertThat(field(a, "buckets"))
                .isEqualTo("acme-payments-exports acme-payments-logs acme-payments-statements");
    }

    @Test
    void readsBeforeTheListingOrFromTwoBucketsDoNot() {
        ThresholdRule rule = new ListThenRead(S3DownloadsRule.INFO.defaultSettings());
        Signal list = signal("k", "10:20:00", "list").attribute("ListBuckets");
        assertThat(
                        feed(
                                rule,
                                read("k", "10:10:00", "a"),
                                read("k", "10:11:00", "b"),
                                read("k", "10:12:00", "c"),
                                list))
                .isEmpty();
        assertThat(feed(rule, list, read("k", "10:21:00", "a"), read("k", "10:22:00", "b")))
                .isEmpty();
        // three buckets, but more than the listing window after the listing
        assertThat(
                        feed(
                                rule,
                                list,
                                read("k", "10:21:00", "a"),
                                read("k", "10:22:00", "b"),
                                read("k", "11:21:00", "c")))
                .isEmpty();
    }

    // TW-EXFIL-02

    @Test
    void aGibibyteToOnePublicAddressWithinTenMinutesFires() {
        ThresholdRule rule = new EgressVolume(EgressVolumeRule.INFO.defaultSettings());
        String key = "111122223333 eni-0a1b2c3d4e5f60001 198.51.100.90";
        assertThat(feed(rule, egress(key, "10:41:02", 60, 7, 200L << 20))).hasSize(1);
        assertThat(feed(rule, egress(key, "10:41:02", 60, 4, 200L << 20))).isEmpty();
        // the same volume spread over 14 minutes
        assertThat(feed(rule, egress(key, "10:41:02", 140, 7, 200L << 20))).isEmpty();
    }

    @Test
    void egressFoldsPerSecondSoTheWindowStaysSmall() {
        ThresholdRule rule = new EgressVolume(EgressVolumeRule.INFO.defaultSettings());
        BurstState st = new BurstState();
        feed(rule, st, egress("k", "10:00:00", 0, 5000, 1000));
        assertThat(st.window.size()).isEqualTo(1);
        assertThat(st.window.count()).isEqualTo(5000);
    }

    // TW-NETSCAN-01

    @Test
    void twentyFivePortsOfOneHostWithinAMinuteAreAScan() {
        ThresholdRule rule = new PortSweep(PortScanRule.INFO.defaultSettings());
        String key = "444455556666 192.0.2.200 10.40.1.30";
        assertThat(feed(rule, probes(key, 24, "REJECT", "internet"))).isEmpty();
        List<Incident> opened = feed(rule, probes(key, 40, "REJECT", "internet"));
        assertThat(opened).hasSize(1);
        Alert a = rule.alert(key, opened.get(0), 0L);
        assertThat(a.severity).isEqualTo(Severity.LOW);
        assertThat(a.principal).isEqualTo("192.0.2.200");
        assertThat(a.resource).isEqualTo("10.40.1.30");
        assertThat(field(a, "ports")).startsWith("1000 1001 1002");
        assertThat(
                        rule.alert(
                                        key,
                                        feed(rule, probes(key, 25, "ACCEPT", "internet")).get(0),
                                        0L)
                                .severity)
                .isEqualTo(Severity.MEDIUM);
        assertThat(
                        rule.alert(key, feed(rule, probes(key, 25, "REJECT", "inside")).get(0), 0L)
                                .severity)
                .isEqualTo(Severity.MEDIUM);
    }

    @Test
    void oneBusyPortIsNoScanAndKeepsOneEntry() {
        ThresholdRule rule = new PortSweep(PortScanRule.INFO.defaultSettings());
        BurstState st = new BurstState();
        assertThat(feed(rule, st, series("k", "10:00:00", 0, 1000, i -> "443"))).isEmpty();
        assertThat(st.window.size()).isEqualTo(1);
    }

    @Test
    void twentyFiveHostsOnOnePortWithinAMinuteAreASweep() {
        ThresholdRule rule = new HostSweep(PortScanRule.INFO.defaultSettings());
        String key = "444455556666 192.0.2.9 22";
        Signal[] s = series(key, "10:00:00", 2, 25, i -> "10.40.1." + i);
        for (Signal x : s) {
            x.attribute = "REJECT";
            x.detail = "internet";
        }
        List<Incident> opened = feed(rule, s);
        assertThat(opened).hasSize(1);
        assertThat(rule.alert(key, opened.get(0), 0L).resource).isEqualTo("port 22");
    }

    // TW-NETSCAN-02

    @Test
    void thirtyConnectionsToSshWithinFiveMinutesFireHighWhenAccepted() {
        ThresholdRule rule = new AdminPortAttempts(AdminPortAttemptsRule.INFO.defaultSettings());
        String key = "444455556666 192.0.2.44 10.40.1.25 22";
        assertThat(feed(rule, connections(key, 29, "ACCEPT"))).isEmpty();
        Incident accepted = feed(rule, connections(key, 40, "ACCEPT")).get(0);
        assertThat(rule.alert(key, accepted, 0L).severity).isEqualTo(Severity.HIGH);
        Incident rejected = feed(rule, connections(key, 30, "REJECT")).get(0);
        Alert a = rule.alert(key, rejected, 0L);
        assertThat(a.severity).isEqualTo(Severity.MEDIUM);
        assertThat(field(a, "connections")).isEqualTo("30");
    }

    @Test
    void aLongSessionInManyRecordsIsOneConnection() {
        ThresholdRule rule = new AdminPortAttempts(AdminPortAttemptsRule.INFO.defaultSettings());
        assertThat(feed(rule, series("k", "10:00:00", 5, 60, i -> "53253"))).isEmpty();
    }

    // the incident's life

    @Test
    void anIncidentAbsorbsItsBurstEndsWhenQuietAndTheNextBurstAlertsAgain() {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        BurstState st = new BurstState();
        List<Incident> first = feed(rule, st, series("k", "10:00:00", 10, 30, i -> "a"));
        assertThat(first).hasSize(1);
        assertThat(st.reportDue(at("10:01:29"))).isFalse();
        assertThat(st.reportDue(at("10:06:30"))).isTrue();

        // quiet for a window after the last denial at 10:04:50
        assertThat(st.expire(at("10:09:49"), rule)).isNull();
        Incident ended = st.expire(at("10:09:50"), rule);
        assertThat(ended).isSameAs(first.get(0));
        assertThat(st.isEmpty()).isTrue();

        List<Incident> second = feed(rule, st, series("k", "11:00:00", 10, 10, i -> "a"));
        assertThat(second).hasSize(1);
        assertThat(rule.alert("k", second.get(0), 0L).alertId)
                .isNotEqualTo(rule.alert("k", first.get(0), 0L).alertId);
    }

    @Test
    void anIncidentOfAKeyThatNeverGoesQuietEndsAtItsLongest() {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        BurstState st = new BurstState();
        feed(rule, st, series("k", "10:00:00", 30, 200, i -> "a"));
        assertThat(st.incident).isNotNull();
        assertThat(st.nextExpiry(rule)).isEqualTo(at("11:00:00"));
        assertThat(st.expire(at("11:00:00"), rule)).isNotNull();
    }

    @Test
    void countWindowsStayBelowTheirThreshold() {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        BurstState st = new BurstState();
        // one denial a minute, all day: never ten within five minutes, never more than five kept
        feed(rule, st, series("k", "00:00:00", 60, 1440, i -> "a"));
        assertThat(st.incident).isNull();
        assertThat(st.window.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void theAlertIdDependsOnTheBurstNotOnWhenItWasReported() {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        Incident a = feed(rule, series("k", "10:00:00", 10, 10, i -> "a")).get(0);
        Incident b = feed(rule, series("k", "10:00:00", 10, 25, i -> "a")).get(0);
        assertThat(rule.alert("k", a, 1L).alertId).isEqualTo(rule.alert("k", b, 2L).alertId);
    }

    private static Signal read(String key, String hms, String bucket) {
        return signal(key, hms, "r-" + hms + bucket)
                .value(bucket)
                .attribute("GetObject")
                .amount(1000);
    }

    private static Signal[] downloads(String from, int step, int n, long bytes) {
        Signal[] s = series("a p", from, step, n, i -> "bucket-" + (i % 3));
        for (Signal x : s) {
            x.attribute = "GetObject";
            x.amount = bytes;
        }
        return s;
    }

    private static Signal[] egress(String key, String from, int step, int n, long bytes) {
        Signal[] s = series(key, from, step, n, i -> "10.20.3.14");
        for (Signal x : s) {
            x.amount = bytes;
        }
        return s;
    }

    private static Signal[] probes(String key, int ports, String action, String source) {
        Signal[] s = series(key, "10:33:02", 1, ports, i -> Integer.toString(1000 + i));
        for (Signal x : s) {
            x.attribute = action;
            x.detail = source;
        }
        return s;
    }

    private static Signal[] connections(String key, int n, String action) {
        Signal[] s = series(key, "10:26:03", 5, n, i -> Integer.toString(50000 + i));
        for (Signal x : s) {
            x.attribute = action;
        }
        return s;
    }
}
