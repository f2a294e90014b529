package io.trailwatch.detect.windowed;

import io.trailwatch.detect.signals.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An account's recent sign-in bursts, for TW-AUTH-02: kept until a success could no longer follow
 * them, so the list holds only the bursts of the last minutes.
 */
public class RecentBursts {
    public LoginBurst[] bursts = new LoginBurst[0];

    public RecentBursts() {}

    /** Adds a burst, or replaces an earlier publication of the same burst. */
    public void add(LoginBurst b) {
        for (int i = 0; i < bursts.length; i++) {
            if (bursts[i].alertId.equals(b.alertId)) {
                bursts[i] = b;
                return;
            }
        }
        bursts = Arrays.copyOf(bursts, bursts.length + 1);
        bursts[bursts.length - 1] = b;
    }

    /**
     * The burst a successful sign-in follows: one for the same user or from the same address that
     * had reached its threshold when the sign-in happened, and whose last failure is at most {@code
     * withinMillis} before it. The earliest such burst when several are.
     *
     * @param success a {@code SUCCESSFUL_LOGIN} signal: value the user, attribute the address
     */
    public LoginBurst followedBy(Signal success, long withinMillis) {
        LoginBurst best = null;
        for (LoginBurst b : bursts) {
            boolean related = b.involvesUser(success.value) || b.involvesAddress(success.attribute);
            boolean inTime =
                    b.openedAt <= success.time && success.time <= b.lastFailure + withinMillis;
            if (related
                    && inTime
                    && (best == null
                            || b.firstFailure < best.firstFailure
                            || b.firstFailure == best.firstFailure
                                    && b.alertId.compareTo(best.alertId) < 0)) {
                best = b;
            }
        }
        return best;
    }

    /** Drops the bursts no success at or after {@code earliestSuccess} can follow any more. */
    public void expire(long earliestSuccess, long withinMillis) {
        List<LoginBurst> keep = new ArrayList<>();
        for (LoginBurst b : bursts) {
            if (b.lastFailure + withinMillis >= earliestSuccess) {
                keep.add(b);
            }
        }
        if (keep.size() != bursts.length) {
            bursts = keep.toArray(new LoginBurst[0]);
        }
    }

    /** The latest success time any kept burst can still matter to. */
    public long lastRelevant(long withinMillis) {
        long t = Long.MIN_VALUE;
        for (LoginBurst b : bursts) {
            t = Math.max(t, b.lastFailure + withinMillis);
        }
        return t;
    }

    public boolean isEmpty() {
        return bursts.length == 0;
    }
}
