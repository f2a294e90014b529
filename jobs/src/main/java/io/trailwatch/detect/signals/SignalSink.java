package io.trailwatch.detect.signals;

/** Where extracted signals go: in the job, the side output of their kind. */
@FunctionalInterface
public interface SignalSink {
    void emit(SignalKind kind, Signal signal);
}
