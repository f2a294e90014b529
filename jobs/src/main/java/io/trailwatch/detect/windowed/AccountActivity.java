package io.trailwatch.detect.windowed;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.FlowRecord;

/** The little that TW-OWN-01 needs of any event: where, when, which one, and who. */
public class AccountActivity {
    public String account;
    public long eventTime;

    /** A CloudTrail event id, or a flow tuple. */
    public String reference;

    public String region;
    public String principal;

    public AccountActivity() {}

    public static AccountActivity of(CloudTrailEvent e) {
        AccountActivity a = new AccountActivity();
        a.account = e.account();
        a.eventTime = e.eventTime;
        a.reference = e.eventId;
        a.region = e.awsRegion;
        a.principal = e.principal();
        return a;
    }

    public static AccountActivity of(FlowRecord f) {
        AccountActivity a = new AccountActivity();
        a.account = f.accountId;
        a.eventTime = f.eventTime;
        a.reference = f.tuple();
        a.region = f.region;
        a.principal = f.srcAddr;
        return a;
    }
}
