package io.trailwatch.alert.sink.sns;

import io.trailwatch.alert.sink.AwsCredentials;
import io.trailwatch.config.SnsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsAsyncClient;

/**
 * SNS async clients, one per region (a topic is published to through a client of its own region),
 * created when first needed. The SDK's own retries are off: the sink retries per message, with
 * PublishBatch's per-entry failures in view, and dead-letters what does not get through.
 */
final class SnsClients implements AutoCloseable {
    private final SnsSettings settings;
    private final int maxConcurrency;
    private final Duration callTimeout;
    private final Map<String, SnsAsyncClient> byRegion = new HashMap<>();

    SnsClients(SnsSettings settings, int maxConcurrency, Duration callTimeout) {
        this.settings = settings;
        this.maxConcurrency = maxConcurrency;
        this.callTimeout = callTimeout;
    }

    synchronized SnsAsyncClient forTopic(String topicArn) {
        String region = settings.region != null ? settings.region : regionOf(topicArn);
        return byRegion.computeIfAbsent(region, this::create);
    }

    /** arn:aws:sns:REGION:ACCOUNT:NAME */
    static String regionOf(String topicArn) {
        String[] parts = topicArn.split(":", 6);
        if (parts.length < 6 || parts[3].isEmpty()) {
            throw new IllegalArgumentException("not an SNS topic ARN: " + topicArn);
        }
        return parts[3];
    }

    private SnsAsyncClient create(String region) {
        var builder =
                SnsAsyncClient.builder()
                        .region(Region.of(region))
                        .httpClientBuilder(
                                NettyNioAsyncHttpClient.builder()
                                        .maxConcurrency(maxConcurrency)
                                        .connectionTimeout(Duration.ofSeconds(10)))
                        .overrideConfiguration(
                                c ->
                                        c.retryStrategy(AwsRetryStrategy.doNotRetry())
                                                .apiCallTimeout(callTimeout));
        if (settings.endpointUrl != null) {
            builder.endpointOverride(URI.create(settings.endpointUrl));
        }
        return builder.credentialsProvider(AwsCredentials.forEndpoint(settings.endpointUrl))
                .build();
    }

    @Override
    public synchronized void close() {
        byRegion.values().forEach(SnsAsyncClient::close);
        byRegion.clear();
    }
}
