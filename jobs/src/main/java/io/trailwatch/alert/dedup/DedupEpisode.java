package io.trailwatch.alert.dedup;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keyed state of de-duplication: one alert went out at {@link #start}; repeats until {@link
 * #end} (exclusive, event time) are folded in here and leave as one follow-up when the episode
 * ends. Plain Java so the folding is testable without Flink; a Flink POJO so the state needs no
 * Kryo.
 */
public class DedupEpisode {
    /** Id of the alert that opened the episode and went out at once. */
    public String firstAlertId;

    /** Event time of the first alert, epoch milliseconds. */
    public long start;

    /** End of the window, exclusive. */
    public long end;

    public long suppressedCount;

    /** Events behind the suppressed repeats (their evidence counts added up). */
    public long eventCount;

    public long firstSeen = Long.MAX_VALUE;
    public long lastSeen = Long.MIN_VALUE;

    /** Earliest event time among the repeats. */
    public long firstEventTime = Long.MAX_VALUE;

    /** Event ids of the repeats, at most {@link Evidence#MAX_REFERENCES}. */
    public String[] eventIds = new String[0];

    /** The latest repeat (by event time): the follow-up shows its decisive fields. */
    public Alert latest;

    public DedupEpisode() {}

    public static DedupEpisode open(Alert first, long timestamp, long windowMillis) {
        DedupEpisode e = new DedupEpisode();
        e.firstAlertId = first.alertId;
        e.start = timestamp;
        e.end = timestamp + windowMillis;
        return e;
    }

    /** Whether an alert with this event time falls into the episode's window. */
    public boolean covers(long timestamp) {
        return timestamp < end;
    }

    /**
     * The same alert again (an upstream replay after a restart, say) rather than a repeat: it was
     * already sent and is not counted.
     */
    public boolean isTheFirstAgain(Alert a) {
        return firstAlertId.equals(a.alertId);
    }

    public void absorb(Alert repeat) {
        suppressedCount++;
        Evidence ev = repeat.evidence;
        if (ev != null) {
            eventCount += Math.max(ev.count, 1);
            firstSeen = Math.min(firstSeen, ev.firstSeen);
            lastSeen = Math.max(lastSeen, ev.lastSeen);
            addEventIds(ev.eventIds);
        } else {
            eventCount++;
            firstSeen = Math.min(firstSeen, repeat.eventTime);
            lastSeen = Math.max(lastSeen, repeat.eventTime);
        }
        firstEventTime = Math.min(firstEventTime, repeat.eventTime);
        if (latest == null || repeat.eventTime >= latest.eventTime) {
            latest = repeat;
        }
    }

    private void addEventIds(String[] ids) {
        if (ids == null || eventIds.length >= Evidence.MAX_REFERENCES) {
            return;
        }
        Set<String> merged = new LinkedHashSet<>(Arrays.asList(eventIds));
        for (String id : ids) {
            if (merged.size() >= Evidence.MAX_REFERENCES) {
                break;
            }
            merged.add(id);
        }
        eventIds = merged.toArray(new String[0]);
    }

    /**
     * The follow-up that stands for every repeat, or {@code null} when there was none: the latest
     * repeat's content, with evidence over all repeats, a deterministic id derived from the first
     * alert's, and the count of what it folds together.
     */
    public Alert followUp(long detectedAt) {
        if (suppressedCount == 0) {
            return null;
        }
        Alert f = latest.copy();
        f.alertId = AlertIds.followUp(latest.ruleId, firstAlertId);
        f.followUpOf = firstAlertId;
        f.suppressedCount = suppressedCount;
        f.eventTime = firstEventTime;
        f.detectedAt = detectedAt;
        f.evidence =
                new Evidence(
                        eventCount,
                        firstSeen,
                        lastSeen,
                        eventIds,
                        latest.evidence == null ? null : latest.evidence.fields);
        return f;
    }
}
