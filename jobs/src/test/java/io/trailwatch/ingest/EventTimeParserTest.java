package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeParserTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-10-14T09:41:07Z",
                "1970-01-01T00:00:00Z",
                "2024-02-29T23:59:59Z",
                "2026-10-14T09:41:07.123Z"
            })
    void agreesWithInstantParse(String text) {
        assertThat(EventTimeParser.epochMillis(text)).isEqualTo(Instant.parse(text).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T09:41:07Z",
                "2026-13-14T09:41:07Z",
                "2026-10-14T25:41:07Z",
                "yesterday",
                "2026-1x-14T09:41:07Z"
            })
    void refusesWhatIsNoInstant(String text) {
        assertThatThrownBy(() -> EventTimeParser.epochMillis(text))
                .isInstanceOf(DateTimeParseException.class);
    }
}
