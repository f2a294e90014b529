package io.trailwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PatternSettingsTest {
    private static final Function<String, Duration> MINUTES =
            v -> Duration.ofMinutes(Long.parseLong(v.replace("m", "")));

    @Test
    void defaultsAreThoseOfTheDesign() {
        PatternSettings s = new PatternSettings();

        assertThat(s.rule("TW-AUTH-01").window).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.rule("TW-AUTH-01").limit("failures")).isEqualTo(5);
        assertThat(s.rule("TW-AUTH-01").limit("users")).isEqualTo(5);
        assertThat(s.rule("TW-AUTH-02").window).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.rule("TW-RECON-01").limit("errors")).isEqualTo(10);
        assertThat(s.rule("TW-RECON-02").limit("apis")).isEqualTo(20);
        assertThat(s.rule("TW-RECON-02").limit("services")).isEqualTo(5);
        assertThat(s.rule("TW-EXFIL-01").window).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.rule("TW-EXFIL-01").limit("bytes")).isEqualTo(1L << 30);
        assertThat(s.rule("TW-EXFIL-01").limit("objects")).isEqualTo(100);
        assertThat(s.rule("TW-EXFIL-01").limit("buckets")).isEqualTo(3);
        assertThat(s.rule("TW-EXFIL-02").limit("bytes")).isEqualTo(1L << 30);
        assertThat(s.rule("TW-NETSCAN-01").window).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.rule("TW-NETSCAN-01").limit("ports")).isEqualTo(25);
        assertThat(s.rule("TW-NETSCAN-01").limit("hosts")).isEqualTo(25);
        assertThat(s.rule("TW-NETSCAN-02").window).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.rule("TW-NETSCAN-02").limit("connections")).isEqualTo(30);
        assertThat(s.rule("TW-CORR-01").window).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.all().values()).allSatisfy(r -> assertThat(r.lateness).isZero());
    }

    @Test
    void settingsAreSetByRuleAndName() throws Exception {
        PatternSettings s = new PatternSettings();
        s.set("TW-AUTH-01.failures=10", MINUTES);
        s.set("tw-exfil-02.window=15m", MINUTES);
        s.set("TW-CRED-01.lateness = 30m", MINUTES);

        assertThat(s.rule("TW-AUTH-01").limit("failures")).isEqualTo(10);
        assertThat(s.rule("TW-EXFIL-02").window).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.rule("TW-CRED-01").lateness).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void mistakesNameWhatIsWrong() {
        PatternSettings s = new PatternSettings();

        assertThatThrownBy(() -> s.set("TW-AUTH-01.failure=10", MINUTES))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TW-AUTH-01.failure: no such setting")
                .hasMessageContaining("failures");
        assertThatThrownBy(() -> s.set("TW-NET-01.window=5m", MINUTES))
                .hasMessageContaining("TW-NET-01 has no settings");
        assertThatThrownBy(() -> s.set("TW-AUTH-01.failures=0", MINUTES))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> s.set("TW-AUTH-01.failures=many", MINUTES))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> s.set("TW-AUTH-01.window=0m", MINUTES))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> s.set("window=5m", MINUTES))
                .hasMessageContaining("RULE.NAME=VALUE");
    }
}
