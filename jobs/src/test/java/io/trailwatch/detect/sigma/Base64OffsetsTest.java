package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64OffsetsTest {
    /**
     * For any bytes around the value, the form chosen by the value's offset modulo 3 appears in the
     * base64 text of the whole; and it is as long as the value's bits allow: every base64 character
     * whose six bits lie entirely inside the value.
     */
    @Test
    void eachFormAppearsInTheEncodingOfAnyTextAroundTheValue() {
        Random random = new Random(7_2026_12_07L);
        for (int i = 0; i < 20_000; i++) {
            byte[] value = bytes(random, 1 + random.nextInt(24));
            byte[] prefix = bytes(random, random.nextInt(11));
            byte[] suffix = bytes(random, random.nextInt(11));
            byte[] whole = new byte[prefix.length + value.length + suffix.length];
            System.arraycopy(prefix, 0, whole, 0, prefix.length);
            System.arraycopy(value, 0, whole, prefix.length, value.length);
            System.arraycopy(suffix, 0, whole, prefix.length + value.length, suffix.length);
            String encoded = Base64.getEncoder().encodeToString(whole);

            List<String> forms = Base64Offsets.of(value);
            assertThat(forms).hasSize(3);
            int offset = prefix.length % 3;
            String form = forms.get(offset);
            assertThat(encoded)
                    .as("value %s after %d bytes", hex(value), prefix.length)
                    .contains(form);
            // characters [ceil(8s/6), floor(8(s+n)/6)) of a stream with the value at byte s
            int firstBit = 8 * offset;
            int endBit = 8 * (offset + value.length);
            int inside = endBit / 6 - (firstBit + 5) / 6;
            assertThat(form.length()).as("form %d of %s", offset, hex(value)).isEqualTo(inside);
        }
    }

    @Test
    void knownText() {
        // "secret" after 0, 1 and 2 bytes, as any base64 encoder writes it
        List<String> forms = Base64Offsets.of("secret".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getEncoder().encodeToString("secret".getBytes(StandardCharsets.US_ASCII)))
                .startsWith(forms.get(0));
        assertThat(
                        Base64.getEncoder()
                                .encodeToString("xsecret".getBytes(StandardCharsets.US_ASCII)))
                .contains(forms.get(1));
        assertThat(
                        Base64.getEncoder()
                                .encodeToString("xysecret".getBytes(StandardCharsets.US_ASCII)))
                .contains(forms.get(2));
        assertThat(forms).containsExactly("c2VjcmV0", "NlY3Jld", "zZWNyZX");
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}
