package io.trailwatch.ownership.source;

import java.net.URI;
import java.nio.file.Path;

/** Opens the configured table location. */
public final class TableLocations {
    private TableLocations() {}

    public static TableLocation open(String location, String region, String s3Endpoint) {
        if (location.startsWith("s3://")) {
            return new S3TableLocation(location, region, s3Endpoint);
        }
        if (location.startsWith("file://")) {
            return new FileTableLocation(Path.of(URI.create(location)));
        }
        return new FileTableLocation(Path.of(location));
    }
}
