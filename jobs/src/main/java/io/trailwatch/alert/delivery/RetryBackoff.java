package io.trailwatch.alert.delivery;

import io.trailwatch.config.RetrySettings;
import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: after the n-th failed attempt wait between half and all of
 * {@code min(maxDelay, baseDelay · 2^(n-1))}. The random half spreads the retries of many writers
 * hit by the same throttling; the fixed half keeps a retry from coming back at once.
 */
public final class RetryBackoff implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RetrySettings settings;
    private final DoubleSupplier random;

    public RetryBackoff(RetrySettings settings) {
        this(settings, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryBackoff(RetrySettings settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /**
     * @param failedAttempts attempts made so far, all failed (1 after the first failure)
     */
    public long delayMillis(int failedAttempts) {
        long ceiling = settings.baseDelayMillis;
        for (int i = 1; i < failedAttempts && ceiling < settings.maxDelayMillis; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, settings.maxDelayMillis);
        return ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
    }

    /** Whether a message that failed this many times has used up its attempts. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= settings.maxAttempts;
    }

    public int maxAttempts() {
        return settings.maxAttempts;
    }
}
