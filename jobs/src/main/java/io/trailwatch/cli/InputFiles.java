package io.trailwatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The replay's input paths and what they hold, for the summary. */
final class InputFiles {
    private final List<Path> roots;
    private final long count;
    private final long bytes;

    private InputFiles(List<Path> roots, long count, long bytes) {
        this.roots = roots;
        this.count = count;
        this.bytes = bytes;
    }

    static InputFiles of(List<Path> roots) throws UsageException {
        long count = 0;
        long bytes = 0;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f) && !hidden(root, f)) {
                        count++;
                        bytes += Files.size(f);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                throw new UsageException("cannot read " + root + ": " + e.getMessage());
            }
        }
        return new InputFiles(new ArrayList<>(roots), count, bytes);
    }

    /**
     * Files and directories starting with '.' or '_' are skipped by the file source; so are they
     * here.
     */
    private static boolean hidden(Path root, Path file) {
        Path relative = root.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    List<Path> roots() {
        return roots;
    }

    long count() {
        return count;
    }

    long bytes() {
        return bytes;
    }
}
