package io.trailwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(pacer.heldOffFor("#a", 1000)).isEqualTo(4000);
        assertThat(pacer.reserve("#a", 1000)).isEqualTo(4000);
        assertThat(pacer.heldOffFor("#b", 1000)).isZero();
    }
}
