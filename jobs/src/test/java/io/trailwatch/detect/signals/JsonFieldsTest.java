package io.trailwatch.detect.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    @Test
    void readsTopLevelFieldsOnly() {
        String json =
                "{\"nested\":{\"bucketName\":\"inner\"},\"key\":\"bucketName\",\"bucketName\":\"outer\","
                        + "\"bytesTransferredOut\":812,\"ratio\":1.5e3,\"flag\":true,\"none\":null}";

        assertThat(JsonFields.text(json, "bucketName")).isEqualTo("outer");
        assertThat(JsonFields.number(json, "bytesTransferredOut", -1)).isEqualTo(812);
        assertThat(JsonFields.number(json, "ratio", -1)).isEqualTo(1500);
        assertThat(JsonFields.text(json, "flag")).isEqualTo("true");
        assertThat(JsonFields.text(json, "none")).isNull();
        assertThat(JsonFields.text(json, "nested")).isNull();
        assertThat(JsonFields.text(json, "missing")).isNull();
    }

    @Test
    void toleratesAbsentAndBrokenDocuments() {
        assertThat(JsonFields.text(null, "a")).isNull();
        assertThat(JsonFields.text("[\"a\"]", "a")).isNull();
        assertThat(JsonFields.text("{\"a\":", "a")).isNull();
        assertThat(JsonFields.number("{\"a\":\"x\"}", "a", 7)).isEqualTo(7);
    }
}
