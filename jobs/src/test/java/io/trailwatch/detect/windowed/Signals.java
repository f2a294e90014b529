package io.trailwatch.detect.windowed;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Owner;
import java.time.Instant;

/** Signals for tests, at times of the sample story's day. */
public final class Signals {
    public static final String DAY = "2026-10-14T";

    private Signals() {}

    /** Epoch millis of "HH:MM:SS" on the story's day. */
    public static long at(String hms) {
        return Instant.parse(DAY + hms + "Z").toEpochMilli();
    }

    public static Signal signal(String key, String hms, String ref) {
        return new Signal(key, at(hms), ref)
                .context(
                        key.split(" ")[0],
                        "eu-west-1",
                        "arn:aws:sts::111122223333:assumed-role/r/s",
                        "res",
                        new Owner("payments", "prod", "#p", new String[0], "111122223333", null));
    }

    /** A signal every {@code stepSeconds} from {@code hms}, values from {@code values}. */
    public static Signal[] series(
            String key,
            String hms,
            int stepSeconds,
            int n,
            java.util.function.IntFunction<String> values) {
        Signal[] out = new Signal[n];
        for (int i = 0; i < n; i++) {
            out[i] = signal(key, hms, String.format("ref-%05d", i)).value(values.apply(i));
            out[i].time += i * 1000L * stepSeconds;
        }
        return out;
    }
}
