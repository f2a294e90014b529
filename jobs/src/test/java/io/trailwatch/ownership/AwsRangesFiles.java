package io.trailwatch.ownership;

import io.trailwatch.model.AwsRanges;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The small ranges file of the tests, in the format AWS publishes, and variants of it. */
public final class AwsRangesFiles {
    /** A handful of prefixes as AWS lists them: EC2 in eu-west-1, CloudFront, S3, a Local Zone. */
    public static final String RESOURCE = "aws-ranges/ip-ranges.json";

    private AwsRangesFiles() {}

    public static String text() {
        try (InputStream in = AwsRangesFiles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AwsRanges parsed() {
        try {
            return AwsRangesParser.parse(text().getBytes(StandardCharsets.UTF_8), RESOURCE);
        } catch (AwsRangesException e) {
            throw new AssertionError(e);
        }
    }

    /** A file with one IPv4 prefix listed under one service, published at {@code syncToken}. */
    public static String single(String syncToken, String prefix, String region, String service) {
        return "{\"syncToken\":\""
                + syncToken
                + "\",\"createDate\":\"2026-10-13-21-53-04\",\"prefixes\":[{\"ip_prefix\":\""
                + prefix
                + "\",\"region\":\""
                + region
                + "\",\"service\":\""
                + service
                + "\",\"network_border_group\":\""
                + region
                + "\"}],\"ipv6_prefixes\":[]}";
    }
}
