package io.trailwatch.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongestPrefixMapTest {
    @Test
    void findsTheLongestPrefixAmongSiblingsThatSortInBetween() {
        LongestPrefixMap<String> map = new LongestPrefixMap<>();
        map.putIfAbsent("arn:aws:iam::111122223333:role/", "account roles");
        map.putIfAbsent("arn:aws:iam::111122223333:role/payments-", "payments");
        map.putIfAbsent("arn:aws:iam::111122223333:role/payments-batch", "batch");
        map.putIfAbsent("arn:aws:iam::111122223333:role/payments-z", "z");

        assertThat(map.longestPrefixOf("arn:aws:iam::111122223333:role/payments-api"))
                .isEqualTo("payments");
        assertThat(map.longestPrefixOf("arn:aws:iam::111122223333:role/payments-batch-1"))
                .isEqualTo("batch");
        assertThat(map.longestPrefixOf("arn:aws:iam::111122223333:role/ops"))
                .isEqualTo("account roles");
        assertThat(map.longestPrefixOf("arn:aws:iam::111122223333:user/alice")).isNull();
        assertThat(map.longestPrefixOf("arn:aws:iam::111122223333:role/payments-zz"))
                .isEqualTo("z");
    }

    @Test
    void theFirstValueOfAKeyStays() {
        LongestPrefixMap<String> map = new LongestPrefixMap<>();
        map.putIfAbsent("arn:aws:s3:::logs", "first");
        map.putIfAbsent("arn:aws:s3:::logs", "second");

        assertThat(map.longestPrefixOf("arn:aws:s3:::logs/2026")).isEqualTo("first");
    }

    @Test
    void agreesWithTryingEveryKeyOnRandomKeys() {
        Random random = new Random(7);
        String alphabet = "ab/:-";
        for (int round = 0; round < 200; round++) {
            LongestPrefixMap<String> map = new LongestPrefixMap<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = randomString(random, alphabet, random.nextInt(6));
                if (!keys.contains(key)) {
                    keys.add(key);
                    map.putIfAbsent(key, key);
                }
            }
            for (int q = 0; q < 50; q++) {
                String s = randomString(random, alphabet, random.nextInt(9));
                String expected = null;
                for (String key : keys) {
                    if (s.startsWith(key)
                            && (expected == null || key.length() > expected.length())) {
                        expected = key;
                    }
                }
                assertThat(map.longestPrefixOf(s))
                        .as("longest prefix of '%s' in %s", s, keys)
                        .isEqualTo(expected);
            }
        }
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
