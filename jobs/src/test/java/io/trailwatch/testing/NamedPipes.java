package io.trailwatch.testing;

import java.io.IOException;
import java.nio.file.Path;

/** Named pipes (FIFOs) for tests of input that must never be opened: one waits for a writer. */
public final class NamedPipes {
    private NamedPipes() {}

    /** Makes one with mkfifo; false where there is no mkfifo. */
    public static boolean create(Path path) {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
