package io.trailwatch.ingest.paths;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;

/**
 * The flow log formats declared for a replay's files that have no header line: per directory, by
 * the {@code .flow-format} files found, applying to the files in the directory and below it, the
 * nearest winning; elsewhere the replay's own ({@code --flow-format}), if any. A file's own header
 * line wins over both; a file of neither is read in the formats AWS writes whole.
 */
public final class DeclaredFlowFormats implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final DeclaredFlowFormats NONE = new DeclaredFlowFormats(new HashMap<>(), null);

    /** Field names by the absolute path of the directory whose {@code .flow-format} says them. */
    private final HashMap<String, String> byDirectory;

    private final String replayWide;

    private DeclaredFlowFormats(HashMap<String, String> byDirectory, String replayWide) {
        this.byDirectory = byDirectory;
        this.replayWide = replayWide;
    }

    /**
     * @param replayWide the field names declared for every file without a {@code .flow-format}
     *     above it, or {@code null}; the caller has checked them
     * @param flowFormatFiles the {@code .flow-format} files to read, each checked
     */
    public static DeclaredFlowFormats of(String replayWide, Collection<Path> flowFormatFiles)
            throws FlowFormatFileException {
        HashMap<String, String> byDirectory = new HashMap<>();
        for (Path file : flowFormatFiles) {
            byDirectory.put(
                    key(file.toAbsolutePath().normalize().getParent()), FlowFormatFile.read(file));
        }
        return new DeclaredFlowFormats(byDirectory, replayWide);
    }

    /** The field names declared for a file's lines without a header, or {@code null}. */
    public String forFile(Path file) {
        if (!byDirectory.isEmpty()) {
            for (Path dir = file.toAbsolutePath().normalize().getParent();
                    dir != null;
                    dir = dir.getParent()) {
                String declared = byDirectory.get(key(dir));
                if (declared != null) {
                    return declared;
                }
            }
        }
        return replayWide;
    }

    private static String key(Path dir) {
        return dir.toString();
    }
}
