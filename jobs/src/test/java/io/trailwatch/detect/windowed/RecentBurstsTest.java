package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import org.junit.jupiter.api.Test;

class RecentBurstsTest {
    private static final long WITHIN = 15 * 60_000L;

    @Test
    void aSuccessFollowsABurstOfItsUserOrAddressWithinTheWindow() {
        RecentBursts bursts = new RecentBursts();
        bursts.add(
                burst("b1", "10:31:10", "10:30:05", "10:32:17", "analyst-mchen", "198.51.100.23"));

        assertThat(bursts.followedBy(success("10:36:12", "analyst-mchen", "198.51.100.23"), WITHIN))
                .isNotNull();
        assertThat(bursts.followedBy(success("10:36:12", "analyst-mchen", "203.0.113.70"), WITHIN))
                .isNotNull();
        assertThat(bursts.followedBy(success("10:36:12", "analyst-rdiaz", "198.51.100.23"), WITHIN))
                .isNotNull();
        // another user from another address
        assertThat(bursts.followedBy(success("10:36:12", "analyst-rdiaz", "203.0.113.71"), WITHIN))
                .isNull();
        // more than 15 minutes after the last failure
        assertThat(bursts.followedBy(success("10:47:18", "analyst-mchen", "198.51.100.23"), WITHIN))
                .isNull();
        // before the failures had become a burst
        assertThat(bursts.followedBy(success("10:31:00", "analyst-mchen", "198.51.100.23"), WITHIN))
                .isNull();
    }

    @Test
    void aRepublishedBurstReplacesItsEarlierVersionAndOldBurstsExpire() {
        RecentBursts bursts = new RecentBursts();
        bursts.add(burst("b1", "10:01:40", "10:01:10", "10:03:56", "u", "a"));
        bursts.add(burst("b1", "10:01:40", "10:01:10", "10:09:00", "u", "a"));
        bursts.add(burst("b2", "10:31:10", "10:30:05", "10:32:17", "v", "b"));

        assertThat(bursts.bursts).hasSize(2);
        assertThat(bursts.lastRelevant(WITHIN)).isEqualTo(at("10:47:17"));
        bursts.expire(at("10:24:01"), WITHIN);
        assertThat(bursts.bursts).extracting(b -> b.alertId).containsExactly("b2");
        bursts.expire(at("10:47:18"), WITHIN);
        assertThat(bursts.isEmpty()).isTrue();
    }

    @Test
    void theEarliestBurstIsTheOneFollowed() {
        RecentBursts bursts = new RecentBursts();
        bursts.add(burst("late", "10:31:10", "10:30:05", "10:32:17", "u", "a"));
        bursts.add(burst("early", "10:21:10", "10:20:05", "10:32:00", "u", "b"));

        assertThat(bursts.followedBy(success("10:33:00", "u", "a"), WITHIN).alertId)
                .isEqualTo("early");
    }

    static LoginBurst burst(
            String id, String opened, String first, String last, String user, String address) {
        LoginBurst b = new LoginBurst();
        b.account = "777788889999";
        b.alertId = id;
        b.openedAt = at(opened);
        b.firstFailure = at(first);
        b.lastFailure = at(last);
        b.failures = 7;
        b.users = new String[] {user};
        b.addresses = new String[] {address};
        b.refs = new String[] {"f1", "f2"};
        return b;
    }

    static Signal success(String hms, String user, String address) {
        return signal("777788889999", hms, "s-" + hms).value(user).attribute(address).detail("No");
    }
}
