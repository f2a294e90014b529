package io.trailwatch.detect.operators;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.ConsoleLoginFailuresRule;
import io.trailwatch.detect.windowed.LoginBurst;
import io.trailwatch.detect.windowed.SuccessAfterFailuresRule;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * TW-AUTH-02 in the two-input keyed harness: bursts (as the TW-AUTH-01 detectors publish them, a
 * report delay after their threshold) and successful sign-ins, keyed by account.
 */
class LoginAfterBurstTest {
    private static final String ACCOUNT = "777788889999";

    /**
     * The mchen brute force: threshold at 10:31:10, published at 10:36:10, last failure 10:32:17.
     */
    private static StreamRecord<LoginBurst> mchenBurst() {
        LoginBurst b = new LoginBurst();
        b.account = ACCOUNT;
        b.alertId = "tw-burst";
        b.openedAt = at("10:31:10");
        b.firstFailure = at("10:30:05");
        b.lastFailure = at("10:32:17");
        b.failures = 7;
        b.users = new String[] {"analyst-mchen"};
        b.addresses = new String[] {"198.51.100.23"};
        b.refs = new String[] {"f1", "f2"};
        return new StreamRecord<>(b, at("10:36:10"));
    }

    private static StreamRecord<Signal> signIn(String hms, String user, String address) {
        Signal s =
                signal(ACCOUNT, hms, "signin-" + user + "-" + hms)
                        .value(user)
                        .attribute(address)
                        .detail("No");
        return new StreamRecord<>(s, s.time);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, LoginBurst, Signal, Alert>
            harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new LoginAfterBurst(
                        ConsoleLoginFailuresRule.INFO.defaultSettings(),
                        SuccessAfterFailuresRule.INFO.defaultSettings()),
                b -> b.account,
                s -> s.key,
                Types.STRING);
    }

    @Test
    void aSuccessAfterTheBurstAlertsWhicheverStreamIsAhead() throws Exception {
        for (boolean signInFirst : new boolean[] {true, false}) {
            try (var h = harness()) {
                if (signInFirst) {
                    h.processElement2(signIn("10:36:12", "analyst-mchen", "198.51.100.23"));
                    h.processElement1(mchenBurst());
                } else {
                    h.processElement1(mchenBurst());
                    h.processElement2(signIn("10:36:12", "analyst-mchen", "198.51.100.23"));
                }
                h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

                assertThat(h.extractOutputValues()).hasSize(1);
                Alert a = h.extractOutputValues().get(0);
                assertThat(a.ruleId).isEqualTo("TW-AUTH-02");
                assertThat(a.severity).isEqualTo(Severity.HIGH);
                assertThat(a.eventTime).isEqualTo(at("10:36:12"));
                assertThat(a.evidence.eventIds)
                        .containsExactly("signin-analyst-mchen-10:36:12", "f1", "f2");
            }
        }
    }

    @Test
    void twoTyposThenALoginOrASignInLongAfterAreNothing() throws Exception {
        try (var h = harness()) {
            h.processElement1(mchenBurst());
            h.processElement2(signIn("09:21:10", "analyst-rdiaz", "203.0.113.71"));
            h.processElement2(signIn("10:36:30", "analyst-rdiaz", "203.0.113.71"));
            h.processElement2(signIn("10:47:18", "analyst-mchen", "198.51.100.23"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void stateAndTimersAreGoneOnceNoSignInCanFollowTheBurst() throws Exception {
        try (var h = harness()) {
            h.processElement1(mchenBurst());
            h.processElement2(signIn("10:36:12", "analyst-mchen", "198.51.100.23"));
            h.processBothWatermarks(new Watermark(at("10:40:00")));
            assertThat(h.numKeyedStateEntries()).isPositive();

            // last failure 10:32:17 + 15 minutes + the 5-minute holdback
            h.processBothWatermarks(new Watermark(at("10:52:18")));

            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aSignInBehindTheWatermarkIsLate() throws Exception {
        try (var h = harness()) {
            h.processElement1(mchenBurst());
            h.processBothWatermarks(new Watermark(at("10:45:00")));
            h.processElement2(signIn("10:36:12", "analyst-mchen", "198.51.100.23"));
            h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(LoginAfterBurst.LATE)).hasSize(1);
        }
    }
}
