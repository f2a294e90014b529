package io.trailwatch.detect.windowed;

import io.trailwatch.alert.AlertIds;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Evidence;
import io.trailwatch.model.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TW-CORR-01 for one account and port: the openings of the port to the internet in the last window,
 * each correlated with the accepted inbound connections from public addresses that follow it.
 * Openings and connections must come in event-time order (openings first within a time), which the
 * operator guarantees. One alert per opening, a report delay after its first connection.
 */
public class PortExposures {
    public PortExposure[] exposures = new PortExposure[0];

    public PortExposures() {}

    /** Remembers an opening. */
    public void open(Signal opening, Settings s) {
        exposures = Arrays.copyOf(exposures, exposures.length + 1);
        exposures[exposures.length - 1] = new PortExposure(opening, opening.time + s.windowMillis);
    }

    /**
     * Correlates an accepted public connection with every opening it follows.
     *
     * @return the exposures whose first connection this is (their report is to be scheduled)
     */
    public List<PortExposure> connect(Signal flow, Settings s) {
        List<PortExposure> first = new ArrayList<>(1);
        for (PortExposure e : exposures) {
            if (!e.covers(flow.time)) {
                continue;
            }
            if (e.connections == null) {
                e.connections = Incident.first(flow, flow.time + s.reportDelayMillis);
                first.add(e);
            } else {
                e.connections.absorb(flow);
            }
        }
        return first;
    }

    /** The alerts due at {@code now}, and of openings whose window ended unreported. */
    public List<Alert> due(long now, long detectedAt) {
        List<Alert> out = new ArrayList<>();
        for (PortExposure e : exposures) {
            Incident c = e.connections;
            if (c != null && !c.reported && (now >= c.reportAt || now > e.until)) {
                c.markReported();
                out.add(alert(e, detectedAt));
            }
        }
        return out;
    }

    /** Forgets the openings whose window ended before {@code now}. */
    public void expire(long now) {
        List<PortExposure> keep = new ArrayList<>();
        for (PortExposure e : exposures) {
            if (now <= e.until) {
                keep.add(e);
            }
        }
        exposures = keep.toArray(new PortExposure[0]);
    }

    /** When the state can next change without input: a report falls due or a window ends. */
    public long nextEvent() {
        long t = Long.MAX_VALUE;
        for (PortExposure e : exposures) {
            t = Math.min(t, e.until + 1);
            if (e.connections != null && !e.connections.reported) {
                t = Math.min(t, e.connections.reportAt);
            }
        }
        return t;
    }

    public boolean isEmpty() {
        return exposures.length == 0;
    }

    static Alert alert(PortExposure e, long detectedAt) {
        Signal o = e.opening;
        Incident c = e.connections;
        String port = o.value;
        String[] refs = new String[Math.min(Evidence.MAX_REFERENCES, c.refs.length + 1)];
        refs[0] = o.ref;
        System.arraycopy(c.refs, 0, refs, 1, refs.length - 1);
        return PatternAlerts.of(
                        ExposedPortUsedRule.INFO,
                        AlertIds.of(ExposedPortUsedRule.INFO.id(), o.account, port, o.ref),
                        o,
                        Severity.CRITICAL)
                .title(
                        o.resource
                                + " opened port "
                                + port
                                + " to the internet; "
                                + c.count
                                + " connections accepted from "
                                + PatternAlerts.distinct(c)
                                + " public addresses")
                .field("groupId", o.resource)
                .field("port", port)
                .field("cidr", o.attribute)
                .field("openedAt", AlertJson.iso(o.time))
                .field("openingEventId", o.ref)
                .field("firstConnection", AlertJson.iso(c.firstSeen))
                .field("connections", c.count)
                .field("distinctSources", PatternAlerts.distinct(c))
                .field("sources", PatternAlerts.list(c.values, c.valuesCapped))
                .field("destinations", String.join(" ", c.attributes))
                .evidence(c.count + 1, o.time, c.lastSeen, refs, detectedAt);
    }

    /** The rule's settings in milliseconds. */
    public static final class Settings implements Serializable {
        private static final long serialVersionUID = 1L;

        public final long windowMillis;
        public final long reportDelayMillis;
        public final long latenessMillis;

        public Settings(WindowedRuleSettings s) {
            this.windowMillis = s.window.toMillis();
            this.reportDelayMillis = s.reportDelay.toMillis();
            this.latenessMillis = s.lateness.toMillis();
        }
    }
}
