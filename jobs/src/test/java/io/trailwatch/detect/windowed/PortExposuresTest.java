package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.Signals.at;
import static io.trailwatch.detect.windowed.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.signals.Signal;
import io.trailwatch.model.Alert;
import io.trailwatch.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortExposuresTest {
    private static final PortExposures.Settings SETTINGS =
            new PortExposures.Settings(ExposedPortUsedRule.INFO.defaultSettings());

    @Test
    void connectionsWithinThirtyMinutesOfTheOpeningAreCorrelatedOnceReported() {
        PortExposures ex = new PortExposures();
        ex.open(opening("10:20:05"), SETTINGS);

        List<PortExposure> first = ex.connect(connection("10:26:03", "192.0.2.44"), SETTINGS);
        assertThat(first).hasSize(1);
        assertThat(ex.connect(connection("10:27:10", "198.51.100.201"), SETTINGS)).isEmpty();
        assertThat(ex.due(at("10:31:02"), 0L)).isEmpty();
        List<Alert> alerts = ex.due(at("10:31:03"), 0L);

        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleId).isEqualTo("TW-CORR-01");
        assertThat(a.severity).isEqualTo(Severity.CRITICAL);
        assertThat(a.resource).isEqualTo("sg-0c3f5a7b9d1e24680");
        assertThat(a.eventTime).isEqualTo(at("10:20:05"));
        assertThat(a.evidence.eventIds[0]).isEqualTo("open-1");
        assertThat(a.evidence.count).isEqualTo(3);
        assertThat(ex.due(at("10:40:00"), 0L)).isEmpty();
    }

    @Test
    void connectionsBeforeTheOpeningOrAfterItsWindowAreNot() {
        PortExposures ex = new PortExposures();
        ex.open(opening("10:20:05"), SETTINGS);

        assertThat(ex.connect(connection("10:20:04", "192.0.2.44"), SETTINGS)).isEmpty();
        assertThat(ex.connect(connection("10:50:06", "192.0.2.44"), SETTINGS)).isEmpty();
        assertThat(ex.due(at("10:50:06"), 0L)).isEmpty();
        ex.expire(at("10:50:06"));
        assertThat(ex.isEmpty()).isTrue();
    }

    @Test
    void anOpeningWhoseWindowEndsBeforeTheReportDelayStillReports() {
        PortExposures ex = new PortExposures();
        ex.open(opening("10:20:05"), SETTINGS);
        ex.connect(connection("10:49:00", "192.0.2.44"), SETTINGS);

        assertThat(ex.nextEvent()).isEqualTo(at("10:50:05") + 1);
        assertThat(ex.due(at("10:50:05") + 1, 0L)).hasSize(1);
    }

    static Signal opening(String hms) {
        Signal o = signal("444455556666 22", hms, "open-1").value("22").attribute("0.0.0.0/0");
        o.resource = "sg-0c3f5a7b9d1e24680";
        return o;
    }

    static Signal connection(String hms, String source) {
        return signal("444455556666 22", hms, "flow " + source + " " + hms)
                .value(source)
                .attribute("10.40.1.25");
    }
}
