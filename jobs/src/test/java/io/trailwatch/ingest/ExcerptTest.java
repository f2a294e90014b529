package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void showsTextAsItIsAndControlCharactersByCode() {
        assertThat(Excerpt.of("{\"a\":1}\n\tb\u0001".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"a\":1}\\n\\tb\\x01");
        assertThat(Excerpt.of("naïve €".getBytes(StandardCharsets.UTF_8))).isEqualTo("naïve €");
    }

    @Test
    void showsBytesThatAreNotUtf8ByTheirOwnCode() {
        assertThat(Excerpt.of(new byte[] {'a', (byte) 0xfe, (byte) 0xff, 'b', (byte) 0xc3}))
                .isEqualTo("a\\xfe\\xffb\\xc3");
    }

    @Test
    void neverPassesItsBound() {
        byte[] binary = new byte[10_000];
        Arrays.fill(binary, (byte) 0xfd);
        String text = "x".repeat(10_000);

        assertThat(Excerpt.of(binary))
                .hasSizeLessThanOrEqualTo(Excerpt.MAX_CHARS + 1)
                .endsWith("…");
        assertThat(Excerpt.of(text)).hasSize(Excerpt.MAX_CHARS + 1).endsWith("…");
        assertThat(Excerpt.of(text.getBytes(StandardCharsets.UTF_8)))
                .hasSize(Excerpt.MAX_CHARS + 1);
    }
}
