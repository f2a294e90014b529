package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Records from before eventID existed (version 1.0) get an id that their content alone decides. */
class DerivedEventIdTest {
    private static final String CREATE_USER =
            "{\"eventVersion\":\"1.0\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAJ45Q7YFFAREXAMPLE\","
                    + "\"arn\":\"arn:aws:iam::111122223333:user/Alice\",\"accountId\":\"111122223333\","
                    + "\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"userName\":\"Alice\"},"
                    + "\"eventTime\":\"2014-03-25T18:45:11Z\",\"eventSource\":\"iam.amazonaws.com\","
                    + "\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.20\","
                    + "\"userAgent\":\"aws-cli/1.3.2 Python/2.7.5 Windows/7\",\"requestParameters\":{\"userName\":\"%s\"},"
                    + "\"responseElements\":{\"user\":{\"createDate\":\"Mar 25, 2014 6:45:11 PM\",\"userName\":\"%s\","
                    + "\"arn\":\"arn:aws:iam::111122223333:user/%s\",\"path\":\"/\",\"userId\":\"AIDAQRSTUVWXYZEXAMPLE\"}}}";

    private static String createUser(String name) {
        return String.format(CREATE_USER, name, name, name);
    }

    private static CloudTrailEvent decode(String json) {
        DecodedBatch decoded =
                new RecordDecoder()
                        .decode(
                                new RawRecord(
                                        "t",
                                        RawKind.JSON,
                                        json.getBytes(StandardCharsets.UTF_8),
                                        null));
        assertThat(decoded.size()).isEqualTo(1);
        assertThat(decoded.kind(0))
                .as(
                        "%s",
                        decoded.kind(0) == DecodedBatch.Kind.DEAD_LETTER
                                ? decoded.deadLetter(0).detail
                                : "")
                .isEqualTo(DecodedBatch.Kind.CLOUDTRAIL);
        return decoded.cloudTrail(0);
    }

    @Test
    void theSameRecordGetsTheSameIdInEveryShapeItArrivesIn() throws Exception {
        String record = createUser("Bob");
        String id = decode(record).eventId;
        ObjectMapper json = new ObjectMapper();
        String pretty =
                json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(record));
        String inALogFile = "{\"Records\":[\n" + pretty + "\n]}";
        String inEventBridge =
                "{\"version\":\"0\",\"id\":\"6f0ad4f2-5f6e-4b5c-9d3e-2a1b0c9d8e7f\","
                        + "\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.iam\","
                        + "\"account\":\"111122223333\",\"time\":\"2014-03-25T18:45:11Z\","
                        + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":"
                        + record
                        + "}";

        assertThat(id).matches("derived-[0-9a-f]{32}");
        assertThat(decode(record).eventId).isEqualTo(id);
        assertThat(decode(inALogFile).eventId).isEqualTo(id);
        assertThat(decode(inEventBridge).eventId).isEqualTo(id);
    }

    @Test
    void differentRecordsGetDifferentIds() {
        String bob = decode(createUser("Bob")).eventId;
        String carol = decode(createUser("Carol")).eventId;
        String bobLater = decode(createUser("Bob").replace("18:45:11Z", "18:45:12Z")).eventId;

        assertThat(bob).isNotEqualTo(carol).isNotEqualTo(bobLater);
    }

    @Test
    void aGivenEventIdIsKept() {
        String record =
                createUser("Bob")
                        .replace(
                                "\"eventVersion\":\"1.0\"",
                                "\"eventVersion\":\"1.01\",\"eventID\":\"0f3d7b1e-4a2c-4e8f-9b6a-1c2d3e4f5a6b\"");

        assertThat(decode(record).eventId).isEqualTo("0f3d7b1e-4a2c-4e8f-9b6a-1c2d3e4f5a6b");
    }

    @Test
    void whitespaceInsideStringsCounts() {
        assertThat(DerivedEventId.compact("{ \"a b\" : [1, \"c\\\" d\"] }"))
                .isEqualTo("{\"a b\":[1,\"c\\\" d\"]}");
    }
}
