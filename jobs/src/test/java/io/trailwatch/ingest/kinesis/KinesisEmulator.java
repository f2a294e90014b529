package io.trailwatch.ingest.kinesis;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The local Kinesis emulator (kinesalite on 127.0.0.1) that {@code .ci/run} starts and announces in
 * {@code TRAILWATCH_KINESIS_ENDPOINT}. Outside CI, tests that need it are skipped when it is not
 * running; in CI its absence is a failure, so the integration tests cannot silently not run.
 */
public final class KinesisEmulator implements AutoCloseable {
    public static final String ENDPOINT_VARIABLE = "TRAILWATCH_KINESIS_ENDPOINT";
    public static final String REGION = "us-east-1";

    public final String endpoint;
    private final KinesisClient client;

    private KinesisEmulator(String endpoint) {
        this.endpoint = endpoint;
        this.client =
                KinesisClient.builder()
                        .endpointOverride(URI.create(endpoint))
                        .region(Region.of(REGION))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("local", "local")))
                        .build();
    }

    /** Connects to the running emulator, or skips the test (fails it in CI) when there is none. */
    public static KinesisEmulator connect() {
        // The emulator speaks JSON, not CBOR; the job's clients use the default credential chain,
        // which reads these (the values are irrelevant to the emulator).
        System.setProperty("aws.cborEnabled", "false");
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretKey", "local");
        System.setProperty("aws.secretAccessKey", "local");
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        if (endpoint == null || endpoint.isBlank()) {
            String why =
                    ENDPOINT_VARIABLE
                            + " is not set: no local Kinesis emulator is running. .ci/run starts one;"
                            + " to run these tests by hand see tools/kinesalite/README.md";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        KinesisEmulator emulator = new KinesisEmulator(endpoint);
        try {
            emulator.client.listStreams();
        } catch (RuntimeException e) {
            fail("the Kinesis emulator at " + endpoint + " does not answer: " + e.getMessage());
        }
        return emulator;
    }

    /** A new, ACTIVE stream with a unique name starting with {@code prefix}. */
    public String createStream(String prefix, int shards) throws InterruptedException {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.createStream(b -> b.streamName(name).shardCount(shards));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.describeStream(b -> b.streamName(name)).streamDescription().streamStatus()
                != StreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                fail("stream " + name + " did not become ACTIVE");
            }
            Thread.sleep(100);
        }
        return name;
    }

    public PutRecordResponse put(String stream, String partitionKey, byte[] data) {
        return client.putRecord(
                b ->
                        b.streamName(stream)
                                .partitionKey(partitionKey)
                                .data(SdkBytes.fromByteArray(data)));
    }

    /** Every record of the stream so far, shard by shard, oldest first. */
    public List<byte[]> readAll(String stream) {
        List<byte[]> records = new ArrayList<>();
        for (Shard shard : client.listShards(b -> b.streamName(stream)).shards()) {
            String iterator =
                    client.getShardIterator(
                                    b ->
                                            b.streamName(stream)
                                                    .shardId(shard.shardId())
                                                    .shardIteratorType(
                                                            ShardIteratorType.TRIM_HORIZON))
                            .shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse r = client.getRecords(b -> b.shardIterator(current));
                for (Record record : r.records()) {
                    records.add(record.data().asByteArray());
                }
                if (r.records().isEmpty() || r.millisBehindLatest() == 0) {
                    break;
                }
                iterator = r.nextShardIterator();
            }
        }
        return records;
    }

    @Override
    public void close() {
        client.close();
    }
}
