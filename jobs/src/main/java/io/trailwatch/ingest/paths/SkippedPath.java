package io.trailwatch.ingest.paths;

import java.nio.file.Path;

/** An input path that is not read, and why: a dangling or looping link, a pipe, a device... */
public record SkippedPath(Path path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
