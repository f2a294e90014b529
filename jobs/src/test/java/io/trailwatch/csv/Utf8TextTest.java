package io.trailwatch.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    @Test
    void decodesUtf8AndDropsAByteOrderMark() throws Exception {
        assertThat(Utf8Text.decode(bytes(0xEF, 0xBB, 0xBF, "équipe,\uD83D\uDE00\n")))
                .isEqualTo("équipe,\uD83D\uDE00\n");
        assertThat(Utf8Text.decode(new byte[0])).isEmpty();
    }

    @Test
    void namesTheLineColumnAndByteOffsetOfBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> Utf8Text.decode(bytes("a,b\r\n\u00e9\uD83D\uDE00", 0xFF, "x\n")))
                .isInstanceOf(CsvTableException.class)
                .hasMessage(
                        "line 2, column 3 (byte offset 11): not UTF-8 (0xFF); save the file as UTF-8");
        assertThatThrownBy(() -> Utf8Text.decode(bytes("a\rb\r", 0xC3, 0x28)))
                .hasMessageStartingWith("line 3, column 1 (byte offset 4): not UTF-8 (0xC3)");
        // Cut off in the middle of a character, at the end of the file.
        assertThatThrownBy(() -> Utf8Text.decode(bytes(0xEF, 0xBB, 0xBF, "ab", 0xE2, 0x82)))
                .hasMessageStartingWith("line 1, column 3 (byte offset 5): not UTF-8 (0xE2 0x82)");
    }
}
