package io.trailwatch.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as seconds or as an HTTP date; anything else is one second. */
class RetryAfterTest {
    private static final long NOW = Instant.parse("2026-10-14T09:00:00Z").toEpochMilli();

    @Test
    void secondsAsSlackSendsThem() {
        assertThat(RetryAfter.millis("30", NOW)).isEqualTo(30_000);
        assertThat(RetryAfter.millis(" 3600 ", NOW)).isEqualTo(3_600_000);
        assertThat(RetryAfter.millis("0", NOW)).isEqualTo(1000);
        assertThat(RetryAfter.millis("99999999999999999", NOW)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anHttpDateIsTheTimeUntilThen() {
        assertThat(RetryAfter.millis("Wed, 14 Oct 2026 09:02:00 GMT", NOW)).isEqualTo(120_000);
        assertThat(RetryAfter.millis("Wed, 14 Oct 2026 08:00:00 GMT", NOW)).isEqualTo(1000);
    }

    @Test
    void missingOrUnreadableIsOneSecond() {
        assertThat(RetryAfter.millis(null, NOW)).isEqualTo(1000);
        assertThat(RetryAfter.millis("soon", NOW)).isEqualTo(1000);
        assertThat(RetryAfter.millis("-5", NOW)).isEqualTo(1000);
    }
}
