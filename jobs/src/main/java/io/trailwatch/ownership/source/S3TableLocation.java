package io.trailwatch.ownership.source;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A table in S3. A conditional GET ({@code If-None-Match} with the last ETag) makes an unchanged
 * table cost one small request per interval. Credentials come from the default chain (the
 * application's service role on Managed Service for Apache Flink).
 */
public final class S3TableLocation implements TableLocation {
    /** The table is small; a larger object is more likely a wrong key than a table. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final String bucket;
    private final String key;
    private final S3Client s3;

    public S3TableLocation(String location, String region, String endpoint) {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        this.bucket = rest.substring(0, slash);
        this.key = rest.substring(slash + 1);
        S3ClientBuilder builder =
                S3Client.builder()
                        .region(Region.of(region))
                        .overrideConfiguration(
                                c ->
                                        c.apiCallTimeout(Duration.ofSeconds(60))
                                                .apiCallAttemptTimeout(Duration.ofSeconds(20)));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        this.s3 = builder.build();
    }

    @Override
    public Fetched fetch(String knownTag) throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (knownTag != null) {
            request.ifNoneMatch(knownTag);
        }
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(request.build());
            if (object.response().contentLength() != null
                    && object.response().contentLength() > MAX_BYTES) {
                throw new IOException(
                        describe()
                                + " is "
                                + object.response().contentLength()
                                + " bytes, more than a table");
            }
            return new Fetched(object.asByteArray(), object.response().eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == 304) {
                return null;
            }
            throw new IOException(
                    "cannot read "
                            + describe()
                            + ": "
                            + e.awsErrorDetails().errorMessage()
                            + " (HTTP "
                            + e.statusCode()
                            + ")",
                    e);
        } catch (SdkException e) {
            throw new IOException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public void close() {
        s3.close();
    }
}
