package io.trailwatch.detect.windowed;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;

/** The TW-AUTH-02 alert: a successful console sign-in that follows a TW-AUTH-01 burst. */
public final class SuccessAfterFailures {
    private SuccessAfterFailures() {}

    public static Alert alert(Signal success, LoginBurst burst, long detectedAt) {
        boolean sameUser = burst.involvesUser(success.value);
        boolean sameAddress = burst.involvesAddress(success.attribute);
        String[] refs = new String[burst.refs.length + 1];
        refs[0] = success.ref;
        System.arraycopy(burst.refs, 0, refs, 1, burst.refs.length);
        return PatternAlerts.of(
                        SuccessAfterFailuresRule.INFO,
                        AlertIds.of(SuccessAfterFailuresRule.INFO.id(), success.ref),
                        success,
                        Severity.HIGH)
                .title(
                        success.value
                                + " signed in from "
                                + success.attribute
                                + " after "
                                + burst.failures
                                + " failures")
                .field("userName", success.value)
                .field("sourceIPAddress", success.attribute)
                .field("mfaUsed", success.detail)
                .field(
                        "matchedOn",
                        sameUser && sameAddress
                                ? "user and address"
                                : sameUser ? "user" : "address")
                .field("burstAlertId", burst.alertId)
                .field("burstFailures", burst.failures)
                .field("burstFirstFailure", AlertJson.iso(burst.firstFailure))
                .field("burstLastFailure", AlertJson.iso(burst.lastFailure))
                .evidence(1, success.time, success.time, refs, detectedAt);
    }
}
