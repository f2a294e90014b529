package io.trailwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.config.RetrySettings;
import org.junit.jupiter.api.Test;

/** Backoff doubles up to the cap, jitter spreads it over its upper half. */
class RetryBackoffTest {
    private final RetrySettings settings = RetrySettings.of(5, 200, 1000);

    @Test
    void doublesUpToTheCapWithJitterInTheUpperHalf() {
        RetryBackoff low = new RetryBackoff(settings, () -> 0.0);
        RetryBackoff high = new RetryBackoff(settings, () -> 0.999_999);

        assertThat(low.delayMillis(1)).isEqualTo(100);
        assertThat(high.delayMillis(1)).isEqualTo(199);
        assertThat(low.delayMillis(2)).isEqualTo(200);
        assertThat(low.delayMillis(3)).isEqualTo(400);
        assertThat(low.delayMillis(4)).isEqualTo(500);
        assertThat(high.delayMillis(30)).isEqualTo(999);
    }

    @Test
    void attemptsRunOutAtTheConfiguredNumber() {
        RetryBackoff b = new RetryBackoff(settings);

        assertThat(b.exhausted(4)).isFalse();
        assertThat(b.exhausted(5)).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(b.delayMillis(2)).isBetween(200L, 400L);
        }
    }
}
