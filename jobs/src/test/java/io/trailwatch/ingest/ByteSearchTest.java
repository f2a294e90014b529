package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {
    @Test
    void findsTheFirstOccurrenceWhereverItIsAndWhateverSurroundsIt() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] data = new byte[random.nextInt(40)];
            for (int i = 0; i < data.length; i++) {
                // dense in the bytes the eight-at-a-time test can confuse: the target, its
                // neighbours, zero, 0x80 and 0xff
                int pick = random.nextInt(8);
                data[i] =
                        (byte)
                                (pick < 6
                                        ? new int[] {10, 9, 11, 0, 0x80, 0xff}[pick]
                                        : random.nextInt(256));
            }
            int from = data.length == 0 ? 0 : random.nextInt(data.length + 1);
            int to = from + random.nextInt(data.length - from + 1);
            byte target = (byte) (random.nextBoolean() ? '\n' : random.nextInt(256));

            assertThat(ByteSearch.indexOf(data, from, to, target))
                    .as("trial %d", trial)
                    .isEqualTo(naiveIndexOf(data, from, to, target));
        }
    }

    @Test
    void staysWithinTheRangeItIsGiven() {
        byte[] data = "0123456789\nabcdef\n".getBytes();

        assertThat(ByteSearch.indexOf(data, 0, data.length, (byte) '\n')).isEqualTo(10);
        assertThat(ByteSearch.indexOf(data, 11, data.length, (byte) '\n')).isEqualTo(17);
        assertThat(ByteSearch.indexOf(data, 11, 17, (byte) '\n')).isEqualTo(-1);
        assertThat(ByteSearch.indexOf(data, 0, 10, (byte) '\n')).isEqualTo(-1);
    }

    private static int naiveIndexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
