package io.trailwatch.ownership.source;

import java.net.URI;
import java.nio.file.Path;

/** Opens a configured location: S3, HTTPS (AWS's published ranges) or a local file. */
public final class TableLocations {
    private TableLocations() {}

    public static TableLocation open(String location, String region, String s3Endpoint) {
        if (location.startsWith("s3://")) {
            return new S3TableLocation(location, region, s3Endpoint);
        }
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return new HttpTableLocation(location);
        }
        if (location.startsWith("file://")) {
            return new FileTableLocation(Path.of(URI.create(location)));
        }
        return new FileTableLocation(Path.of(location));
    }
}
