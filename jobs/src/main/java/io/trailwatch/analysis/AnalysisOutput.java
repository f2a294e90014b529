package io.trailwatch.analysis;

import io.trailwatch.detect.SignalKind;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.detect.windowed.AccountActivity;
import io.trailwatch.model.Alert;
import io.trailwatch.model.DeadLetter;

/** Where the results of a {@link RecordAnalyzer} go. */
public interface AnalysisOutput {
    /** A stateless rule's alert, at the event time of the event that raised it. */
    void alert(Alert alert, long eventTime);

    /** A windowed rule's input, at {@link Signal#time}. */
    void signal(SignalKind kind, Signal signal);

    /** An event or flow of an account the ownership table does not know (TW-OWN-01). */
    void unownedActivity(AccountActivity activity);

    /** An event the analysis failed on: a bug, which must cost that event, not the job. */
    void deadLetter(DeadLetter deadLetter);
}
