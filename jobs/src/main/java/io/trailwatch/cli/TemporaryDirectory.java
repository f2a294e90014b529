package io.trailwatch.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * A temporary directory for everything the embedded Flink of one run writes: its RPC system's jar
 * (21 MB, unpacked anew by every cluster), the working directories of its job and task managers,
 * blobs, spill files, RocksDB and the web server's uploads. Flink removes most of that as its
 * cluster shuts down, which it does on its own after the job; a JVM that exits first, as the
 * command line does and as Ctrl-C makes it, leaves it all behind. This directory goes when the run
 * ends, when it fails, and when the JVM is stopped.
 */
final class TemporaryDirectory implements AutoCloseable {
    /**
     * How long the embedded cluster may take to shut down once its job has ended. It does so on its
     * own, and removes its RPC system's jar last: deleting under it sooner makes it warn of files
     * it cannot delete.
     */
    private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

    private static final String RPC_JAR_PREFIX = "flink-rpc-";

    private final Path path;
    private final Thread onExit;

    private TemporaryDirectory(Path path) {
        this.path = path;
        this.onExit = new Thread(() -> delete(path), "trailwatch-temporary-files");
    }

    /** A new directory under {@code java.io.tmpdir}, removed at the latest when the JVM exits. */
    static TemporaryDirectory create(String prefix) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        TemporaryDirectory dir = new TemporaryDirectory(Files.createTempDirectory(base, prefix));
        Runtime.getRuntime().addShutdownHook(dir.onExit);
        return dir;
    }

    Path path() {
        return path;
    }

    /** Waits for the embedded cluster to have shut down, then removes the directory. */
    @Override
    public void close() {
        long until = System.currentTimeMillis() + SHUTDOWN_WAIT_MILLIS;
        while (holdsRpcJar() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        delete(path);
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down: the hook runs (again) anyway
        }
    }

    private boolean holdsRpcJar() {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith(RPC_JAR_PREFIX));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes the directory and all in it, as far as it can: the cluster may still be removing
     * files of its own at the same time (on Ctrl-C), and nothing here may stop the JVM's exit.
     */
    private static void delete(Path dir) {
        for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
            try {
                Files.walkFileTree(
                        dir,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes a)
                                    throws IOException {
                                Files.deleteIfExists(file);
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult postVisitDirectory(Path d, IOException e)
                                    throws IOException {
                                Files.deleteIfExists(d);
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (NoSuchFileException gone) {
                return;
            } catch (IOException e) {
                // something was written or removed meanwhile: once more
            }
        }
    }
}
