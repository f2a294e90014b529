package io.trailwatch.ingest.paths;

import io.trailwatch.ingest.FlowLogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code .flow-format} file: the field names of the flow log lines without a header line in its
 * directory and below it, on one line, as the flow log's format says them ({@code version
 * account-id ...} or {@code ${version} ${account-id} ...}). Blank lines and lines starting with
 * {@code #} are left out. Its name starts with '.', so the walk for log files never takes it for
 * one.
 */
public final class FlowFormatFile {
    public static final String NAME = ".flow-format";

    /** Far more than the longest format (every field, each spelled {@code ${...}}). */
    static final int MAX_BYTES = 64 * 1024;

    private FlowFormatFile() {}

    /** The field names the file declares, checked to be a flow log format. */
    public static String read(Path file) throws FlowFormatFileException {
        String declared = null;
        String[] lines = text(file).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (declared != null) {
                throw problem(
                        file,
                        i + 1,
                        "a second format line; the file holds one line of field names");
            }
            String problem = FlowLogFormat.declaredFormatProblem(line);
            if (problem != null) {
                throw problem(file, i + 1, problem);
            }
            declared = line;
        }
        if (declared == null) {
            throw new FlowFormatFileException(
                    "flow format file "
                            + file
                            + ": holds no field names (one line such as 'version account-id"
                            + " interface-id ...')");
        }
        return declared;
    }

    private static String text(Path file) throws FlowFormatFileException {
        // Only a regular file is opened: a pipe of this name would hang the replay.
        if (!Files.isRegularFile(file)) {
            throw new FlowFormatFileException("flow format file " + file + ": not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new FlowFormatFileException(
                    "flow format file " + file + ": cannot be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new FlowFormatFileException(
                    "flow format file "
                            + file
                            + ": larger than "
                            + MAX_BYTES / 1024
                            + " KiB; it holds one line of field names");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FlowFormatFileException("flow format file " + file + ": not UTF-8 text");
        }
    }

    private static FlowFormatFileException problem(Path file, int line, String why) {
        return new FlowFormatFileException(
                "flow format file " + file + ", line " + line + ": " + why);
    }
}
