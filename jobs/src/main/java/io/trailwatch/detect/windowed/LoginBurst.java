package io.trailwatch.detect.windowed;

import io.trailwatch.model.Evidence;
import java.util.Arrays;

/**
 * A reported TW-AUTH-01 burst as TW-AUTH-02 needs it: which users and addresses it involved and
 * when its failures happened. Published when the burst is reported and again when it ends, if it
 * went on after the report.
 */
public class LoginBurst {
    public String account;
    public String alertId;

    /** When the failures reached the threshold: a success before that followed no burst. */
    public long openedAt;

    public long firstFailure;
    public long lastFailure;
    public long failures;
    public String[] users = new String[0];
    public String[] addresses = new String[0];

    /** The burst's first failures, for the evidence of a later success. */
    public String[] refs = new String[0];

    public LoginBurst() {}

    static LoginBurst of(
            String account, String alertId, Incident i, String[] users, String[] addresses) {
        LoginBurst b = new LoginBurst();
        b.account = account;
        b.alertId = alertId;
        b.openedAt = i.openedAt;
        b.firstFailure = i.firstSeen;
        b.lastFailure = i.lastSeen;
        b.failures = i.count;
        b.users = users;
        b.addresses = addresses;
        b.refs = Arrays.copyOf(i.refs, Math.min(i.refs.length, Evidence.MAX_REFERENCES - 1));
        return b;
    }

    public boolean involvesUser(String user) {
        return user != null && Arrays.asList(users).contains(user);
    }

    public boolean involvesAddress(String address) {
        return address != null && Arrays.asList(addresses).contains(address);
    }
}
