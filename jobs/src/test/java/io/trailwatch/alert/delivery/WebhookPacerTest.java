package io.trailwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One message per interval per webhook, and nothing before a Retry-After has passed. */
class WebhookPacerTest {
    @Test
    void spacesMessagesToOneWebhookButNotAcrossWebhooks() {
        WebhookPacer pacer = new WebhookPacer(1000);

        assertThat(pacer.reserve("#a", 10_000)).isZero();
        assertThat(pacer.reserve("#a", 10_000)).isEqualTo(1000);
        assertThat(pacer.reserve("#a", 10_200)).isEqualTo(1800);
        assertThat(pacer.reserve("#b", 10_200)).isZero();
        assertThat(pacer.reserve("#a", 20_000)).isZero();
    }

    @Test
    void retryAfterHoldsTheWebhookBack() {
        WebhookPacer pacer = new WebhookPacer(1000);
        assertThat(pacer.reserve("#a", 0)).isZero();
        long planned = pacer.reserve("#a", 0);

        pacer.holdOff("#a", 5000);

        assertThat(planned).isEqualTo(1000);
        assertThat(pacer.heldOff("#a", 1000)).isTrue();
        assertThat(pacer.reserve("#a", 1000)).isEqualTo(4000);
        assertThat(pacer.heldOff("#a", 5000)).isFalse();
        assertThat(pacer.heldOff("#b", 1000)).isFalse();
    }

    /**
     * The writer's loop, on a clock of its own: three sends planned a second apart, the first
     * answered 429 with Retry-After 5 s and retried at once; each planned send that finds the
     * hold-off takes a new slot. They leave at 5, 6 and 7 s: one per second, not all at 5 s.
     */
    @Test
    void sendsHeldBackByARetryAfterStillLeaveOnePerInterval() {
        WebhookPacer pacer = new WebhookPacer(1000);
        TreeMap<Long, List<String>> due = new TreeMap<>();
        for (String m : List.of("first", "second", "third")) {
            due.computeIfAbsent(pacer.reserve("#a", 0), t -> new ArrayList<>()).add(m);
        }
        List<String> sent = new ArrayList<>();
        boolean answered429 = false;
        while (!due.isEmpty()) {
            var next = due.pollFirstEntry();
            long now = next.getKey();
            for (String m : next.getValue()) {
                if (pacer.heldOff("#a", now)) {
                    due.computeIfAbsent(now + pacer.reserve("#a", now), t -> new ArrayList<>())
                            .add(m);
                } else if (!answered429) {
                    answered429 = true;
                    pacer.holdOff("#a", now + 5000);
                    // Retried at once: the pacer places it.
                    due.computeIfAbsent(now + pacer.reserve("#a", now), t -> new ArrayList<>())
                            .add(m);
                } else {
                    sent.add(m + " at " + now);
                }
            }
        }

        assertThat(sent).containsExactly("first at 5000", "second at 6000", "third at 7000");
    }

    @Test
    void noSlotIsTakenThatComesTooLate() {
        WebhookPacer pacer = new WebhookPacer(1000);
        pacer.holdOff("#a", 60_000);

        assertThat(pacer.reserve("#a", 0, 30_000)).isEqualTo(WebhookPacer.NO_SLOT);
        assertThat(pacer.reserve("#a", 0, 60_000)).isEqualTo(60_000);
        // The refused reservation left no gap.
        assertThat(pacer.reserve("#a", 0)).isEqualTo(61_000);
    }
}
