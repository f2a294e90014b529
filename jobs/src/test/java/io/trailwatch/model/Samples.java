package io.trailwatch.model;

import io.trailwatch.alert.dedup.DedupEpisode;
import io.trailwatch.detect.patterns.ActivitySummary;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.detect.windowed.BurstState;
import io.trailwatch.detect.windowed.DeniedCalls;
import io.trailwatch.detect.windowed.DeniedCallsRule;
import io.trailwatch.detect.windowed.ExposedPortUsedRule;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.PortExposures;
import io.trailwatch.detect.windowed.RecentBursts;
import io.trailwatch.detect.windowed.ThresholdRule;

/** Fully populated instances of the model types, for serializer tests. */
final class Samples {
    private Samples() {}

    static CloudTrailEvent cloudTrailEvent() {
        CloudTrailEvent e = new CloudTrailEvent();
        e.eventId = "3b1f0c52-7d0e-4b8a-9f67-1a2b3c4d5e01";
        e.eventTime = 1760436312000L;
        e.eventVersion = "1.10";
        e.eventSource = "s3.amazonaws.com";
        e.eventName = "ListBuckets";
        e.eventType = "AwsApiCall";
        e.eventCategory = "Management";
        e.awsRegion = "eu-west-1";
        e.sourceIpAddress = "198.51.100.77";
        e.userAgent = "aws-cli/2.15.0";
        e.errorCode = "AccessDenied";
        e.errorMessage = "denied";
        e.readOnly = true;
        e.managementEvent = true;
        e.recipientAccountId = "111122223333";
        e.requestId = "R1";
        e.sharedEventId = "S1";
        e.vpcEndpointId = "vpce-0123456789abcdef0";
        e.userIdentity = new UserIdentity();
        e.userIdentity.type = "AssumedRole";
        e.userIdentity.arn = "arn:aws:sts::111122223333:assumed-role/r/i-0a1b2c3d4e5f67890";
        e.userIdentity.sessionIssuerArn = "arn:aws:iam::111122223333:role/r";
        e.userIdentity.mfaAuthenticated = false;
        e.userIdentity.ec2RoleDelivery = "1.0";
        e.resources =
                new ResourceRef[] {
                    new ResourceRef("arn:aws:s3:::b", "111122223333", "AWS::S3::Bucket")
                };
        e.requestParameters = "{\"Host\":\"s3.eu-west-1.amazonaws.com\"}";
        e.responseElements = null;
        e.additionalEventData = "{\"bytesTransferredOut\":812}";
        e.origin = "file Records[0]";
        e.owner = owner();
        return e;
    }

    static FlowRecord flowRecord() {
        FlowRecord f = new FlowRecord();
        f.version = 8;
        f.accountId = "444455556666";
        f.interfaceId = "eni-0b2c3d4e5f6a70002";
        f.srcAddr = "192.0.2.44";
        f.dstAddr = "10.40.1.25";
        f.srcPort = 51234;
        f.dstPort = 22;
        f.protocol = 6;
        f.packets = 10L;
        f.bytes = 840L;
        f.start = 1760437560L;
        f.end = 1760437620L;
        f.action = "ACCEPT";
        f.logStatus = "OK";
        f.vpcId = "vpc-0aa11bb22cc33dd44";
        f.tcpFlags = 2;
        f.trafficPath = 8;
        f.ecsTaskId = "abc123";
        f.rejectReason = "BPA";
        f.eventTime = 1760437560000L;
        f.origin = "file line 2";
        f.owner = owner();
        return f;
    }

    /** A transit gateway's record: its own fields, and no action. */
    static FlowRecord transitGatewayFlowRecord() {
        FlowRecord f = new FlowRecord();
        f.version = 6;
        f.accountId = "444455556666";
        f.srcAddr = "10.40.1.25";
        f.dstAddr = "10.50.2.9";
        f.srcPort = 51234;
        f.dstPort = 5432;
        f.protocol = 6;
        f.start = 1760437560L;
        f.logStatus = "OK";
        f.transitGateway = new TransitGatewayFields();
        f.transitGateway.resourceType = "TransitGateway";
        f.transitGateway.tgwId = "tgw-0a1b2c3d4e5f67890";
        f.transitGateway.attachmentId = "tgw-attach-0123456789abcdef0";
        f.transitGateway.srcVpcId = "vpc-0aa11bb22cc33dd44";
        f.transitGateway.packetsLostBlackhole = 3L;
        f.eventTime = 1760437560000L;
        f.origin = "file line 3";
        return f;
    }

    static Owner owner() {
        return new Owner(
                "payments",
                "prod",
                "#payments-alerts",
                new String[] {"203.0.113.10/32"},
                "111122223333",
                new OwnerAttribute[] {new OwnerAttribute("cost_center", "CC-1001")});
    }

    static Alert alert() {
        Alert a = new Alert();
        a.alertId = "tw-0123456789abcdef0123456789abcdef";
        a.ruleId = "TW-OWN-01";
        a.title = "t";
        a.severity = Severity.MEDIUM;
        a.eventTime = 1L;
        a.detectedAt = 2L;
        a.account = "210987654321";
        a.region = "eu-west-1";
        a.principal = "arn:aws:iam::210987654321:user/x";
        a.resource = "210987654321";
        a.owner = Owner.unowned();
        a.responsibility = Responsibility.GOVERNANCE;
        a.controls = new String[] {"CIS-1.2"};
        a.evidence =
                new Evidence(
                        3,
                        1L,
                        5L,
                        new String[] {"e1", "e2"},
                        new EvidenceField[] {new EvidenceField("k", "v")});
        a.remediation = "r";
        return a;
    }

    /** A follow-up: the fields only follow-ups carry are set. */
    static Alert followUp() {
        Alert a = alert();
        a.alertId = "tw-fedcba9876543210fedcba9876543210";
        a.followUpOf = "tw-0123456789abcdef0123456789abcdef";
        a.suppressedCount = 7;
        return a;
    }

    static DedupEpisode dedupEpisode() {
        DedupEpisode e = new DedupEpisode();
        e.firstAlertId = "tw-0123456789abcdef0123456789abcdef";
        e.start = 1L;
        e.end = 3_600_001L;
        e.suppressedCount = 2;
        e.eventCount = 5;
        e.firstSeen = 10L;
        e.lastSeen = 20L;
        e.firstEventTime = 10L;
        e.eventIds = new String[] {"e2", "e3"};
        e.latest = alert();
        return e;
    }

    static AlertDelivery alertDelivery() {
        return new AlertDelivery(
                followUp(), DeliveryChannel.SLACK, "*", "#payments-alerts", "owner");
    }

    static DeliveryFailure deliveryFailure() {
        return new DeliveryFailure(
                "tw-0123456789abcdef0123456789abcdef",
                "TW-OWN-01",
                "sns",
                "arn:aws:sns:eu-west-1:111122223333:alerts",
                DeliveryFailure.RETRIES_EXHAUSTED,
                "HTTP 503 ServiceUnavailable: try later",
                8,
                9L,
                "{\"alertId\":\"tw-0123456789abcdef0123456789abcdef\"}");
    }

    static DeadLetter deadLetter() {
        return new DeadLetter("invalid-json", "malformed", "f line 2", "{\"a\":", 7L);
    }

    static RawRecord rawRecord() {
        RawRecord r = RawRecord.sourceError("f", "empty-file", "no records", new byte[] {1, 2});
        r.flowHeader = "version srcaddr";
        return r;
    }

    static OwnershipTable ownershipTable() {
        OwnershipRow row = new OwnershipRow();
        row.match = "111122223333";
        row.team = "payments";
        row.environment = "prod";
        row.contact = "#p";
        row.trustedCidrs = new String[] {"203.0.113.10/32"};
        row.attributes = new OwnerAttribute[] {new OwnerAttribute("cost_center", "CC-1001")};
        row.line = 2;
        return new OwnershipTable(new OwnershipRow[] {row}, "t.csv", "abc");
    }

    static AccountActivity accountActivity() {
        AccountActivity a = new AccountActivity();
        a.account = "210987654321";
        a.eventTime = 5L;
        a.reference = "e1";
        a.region = "eu-west-1";
        a.principal = "p";
        return a;
    }

    static ActivitySummary activitySummary() {
        ActivitySummary s = new ActivitySummary();
        s.add(accountActivity());
        return s;
    }

    static Signal signal(String ref, long time) {
        return new Signal("111122223333 arn:aws:iam::111122223333:user/x", time, ref)
                .value("iam:ListUsers")
                .attribute("AccessDenied")
                .detail("198.51.100.77")
                .amount(812)
                .context(
                        "111122223333",
                        "eu-west-1",
                        "arn:aws:iam::111122223333:user/x",
                        "i-0a1b2c3d4e5f67890",
                        owner());
    }

    /** A key's state with an open incident and entries in the window. */
    static BurstState burstState() {
        ThresholdRule rule = new DeniedCalls(DeniedCallsRule.INFO.defaultSettings());
        BurstState st = new BurstState();
        for (int i = 0; i < 12; i++) {
            st.offer(signal("e" + i, 1_000_000L + i * 1000), rule);
        }
        st.window.add(signal("w1", 2_000_000L), rule.compaction());
        return st;
    }

    static LoginBurst loginBurst() {
        LoginBurst b = new LoginBurst();
        b.account = "777788889999";
        b.alertId = "tw-0123456789abcdef0123456789abcdef";
        b.openedAt = 3L;
        b.firstFailure = 1L;
        b.lastFailure = 5L;
        b.failures = 7;
        b.users = new String[] {"analyst-mchen"};
        b.addresses = new String[] {"198.51.100.23"};
        b.refs = new String[] {"f1"};
        return b;
    }

    static RecentBursts recentBursts() {
        RecentBursts r = new RecentBursts();
        r.add(loginBurst());
        return r;
    }

    static PortExposures portExposures() {
        PortExposures.Settings s =
                new PortExposures.Settings(ExposedPortUsedRule.INFO.defaultSettings());
        PortExposures p = new PortExposures();
        p.open(signal("open", 1_000L), s);
        p.connect(signal("flow", 2_000L), s);
        p.open(signal("open2", 3_000L), s);
        return p;
    }
}
