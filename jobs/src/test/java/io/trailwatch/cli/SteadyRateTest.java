package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SteadyRateTest {
    @Test
    void theWarmUpCountsFromTheFirstRecordNotFromTheStart() {
        SteadyRate rate = new SteadyRate();
        // 12 s of cluster start and file ordering without a record, then 100k records a second
        for (int s = 1; s <= 12; s++) {
            rate.sample(s, 0);
        }
        for (int s = 13; s <= 60; s++) {
            // the first 30 s of reading are slower, as while the JIT compiles
            long records = s <= 42 ? (s - 12) * 50_000L : 1_500_000L + (s - 42) * 100_000L;
            rate.sample(s, records);
        }

        assertThat(rate.recordsPerSecond(60, 1_500_000L + 18 * 100_000L))
                .isCloseTo(100_000, within(1.0));
    }

    @Test
    void aRunWhoseSteadyPartIsTooShortHasNoFigure() {
        SteadyRate rate = new SteadyRate();
        for (int s = 1; s <= 35; s++) {
            rate.sample(s, s * 1000L);
        }

        assertThat(rate.recordsPerSecond(35, 35_000)).isNaN();
    }
}
