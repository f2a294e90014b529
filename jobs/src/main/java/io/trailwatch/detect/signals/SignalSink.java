package io.trailwatch.detect.signals;

import io.trailwatch.detect.SignalKind;

/** Where extracted signals go: in the job, the side output of their kind. */
@FunctionalInterface
public interface SignalSink {
    void emit(SignalKind kind, Signal signal);
}
