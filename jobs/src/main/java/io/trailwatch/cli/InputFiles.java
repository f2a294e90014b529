package io.trailwatch.cli;

import io.trailwatch.ingest.paths.LogFileTree;
import io.trailwatch.ingest.paths.SkippedPath;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The replay's log files, found under its input paths, and the paths skipped, for the summary. */
final class InputFiles {
    /** Reasons shown in the one line of a replay that has nothing to read. */
    private static final int REASONS_SHOWN = 3;

    private final LogFileTree tree;

    private InputFiles(LogFileTree tree) {
        this.tree = tree;
    }

    /** The log files of these paths; a usage error when there is none, naming what was skipped. */
    static InputFiles of(List<Path> paths) throws UsageException {
        LogFileTree tree = LogFileTree.walk(paths);
        if (tree.files().isEmpty()) {
            throw new UsageException(nothingToRead(paths, tree.skipped()));
        }
        return new InputFiles(tree);
    }

    private static String nothingToRead(List<Path> paths, List<SkippedPath> skipped) {
        if (skipped.isEmpty()) {
            return "no log files found in " + paths;
        }
        if (skipped.size() == 1) {
            return "cannot read " + skipped.get(0);
        }
        String shown =
                skipped.stream()
                        .limit(REASONS_SHOWN)
                        .map(SkippedPath::toString)
                        .collect(Collectors.joining("; "));
        return "no readable log files in "
                + paths
                + ": "
                + shown
                + (skipped.size() > REASONS_SHOWN
                        ? "; and " + (skipped.size() - REASONS_SHOWN) + " more paths skipped"
                        : "");
    }

    /** The files to read. */
    List<Path> files() {
        return tree.files();
    }

    /** The {@code .flow-format} files beside the log files, unread. */
    List<Path> flowFormatFiles() {
        return tree.flowFormatFiles();
    }

    /** The paths not read, with why. */
    List<SkippedPath> skipped() {
        return tree.skipped();
    }

    long count() {
        return tree.files().size();
    }

    long bytes() {
        return tree.bytes();
    }
}
