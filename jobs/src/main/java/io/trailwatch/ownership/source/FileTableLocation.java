package io.trailwatch.ownership.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A table on a local (or mounted) file system: development and tests. */
public final class FileTableLocation implements TableLocation {
    private final Path file;

    public FileTableLocation(Path file) {
        this.file = file;
    }

    @Override
    public Fetched fetch(String knownTag) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String tag = attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        if (tag.equals(knownTag)) {
            return null;
        }
        return new Fetched(Files.readAllBytes(file), tag);
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
