package io.trailwatch.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.config.ConfigException;
import io.trailwatch.config.RuleTuning;
import io.trailwatch.config.WindowedRuleSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.builtIn();

    @Test
    void defaultsAreThoseOfTheDesign() {
        Map<String, WindowedRuleSettings> s = REGISTRY.defaultSettings();

        assertThat(s.get("TW-AUTH-01").window).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.get("TW-AUTH-01").limit("failures")).isEqualTo(5);
        assertThat(s.get("TW-AUTH-01").limit("users")).isEqualTo(5);
        assertThat(s.get("TW-AUTH-02").window).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.get("TW-RECON-01").limit("errors")).isEqualTo(10);
        assertThat(s.get("TW-RECON-02").limit("apis")).isEqualTo(20);
        assertThat(s.get("TW-RECON-02").limit("services")).isEqualTo(5);
        assertThat(s.get("TW-EXFIL-01").window).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.get("TW-EXFIL-01").limit("bytes")).isEqualTo(1L << 30);
        assertThat(s.get("TW-EXFIL-01").limit("objects")).isEqualTo(100);
        assertThat(s.get("TW-EXFIL-01").limit("buckets")).isEqualTo(3);
        assertThat(s.get("TW-EXFIL-02").limit("bytes")).isEqualTo(1L << 30);
        assertThat(s.get("TW-NETSCAN-01").window).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.get("TW-NETSCAN-01").limit("ports")).isEqualTo(25);
        assertThat(s.get("TW-NETSCAN-01").limit("hosts")).isEqualTo(25);
        assertThat(s.get("TW-NETSCAN-02").window).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.get("TW-NETSCAN-02").limit("connections")).isEqualTo(30);
        assertThat(s.get("TW-CORR-01").window).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.values()).allSatisfy(r -> assertThat(r.lateness).isZero());
    }

    @Test
    void settingsAreSetByRuleAndName() throws Exception {
        RuleTuning tuning =
                new RuleTuning()
                        .set("TW-AUTH-01.failures=10")
                        .set("tw-exfil-02.window=15m")
                        .set("TW-CRED-01.lateness = 30m");
        Map<String, WindowedRuleSettings> s = REGISTRY.settings(tuning);

        assertThat(s.get("TW-AUTH-01").limit("failures")).isEqualTo(10);
        assertThat(s.get("TW-EXFIL-02").window).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.get("TW-CRED-01").lateness).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void tuningNeverChangesTheDeclaredDefaults() throws Exception {
        REGISTRY.settings(new RuleTuning().set("TW-AUTH-01.failures=10"));

        assertThat(REGISTRY.defaultSettings().get("TW-AUTH-01").limit("failures")).isEqualTo(5);
    }

    @Test
    void mistakesNameWhatIsWrong() {
        assertThatThrownBy(() -> tune("TW-AUTH-01.failure=10"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TW-AUTH-01.failure: no such setting")
                .hasMessageContaining("failures");
        assertThatThrownBy(() -> tune("TW-NET-01.window=5m"))
                .hasMessageContaining("TW-NET-01 has no settings");
        assertThatThrownBy(() -> tune("TW-AUTH-01.failures=0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> tune("TW-AUTH-01.failures=many"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> tune("TW-AUTH-01.window=0m")).hasMessageContaining("positive");
        assertThatThrownBy(() -> tune("window=5m")).hasMessageContaining("RULE.NAME=VALUE");
    }

    private static void tune(String assignment) throws ConfigException {
        REGISTRY.settings(new RuleTuning().set(assignment));
    }
}
