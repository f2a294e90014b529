package io.trailwatch.ingest;

import io.trailwatch.model.Origins;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Splits one log file into raw records of the kind {@link FormatDecider} decides from the file's
 * first bytes and lines: gzip or plain; a JSON document (a CloudTrail log file, possibly
 * pretty-printed or several concatenated values) or JSON lines; flow log lines with a header line,
 * or without one in the format declared for the file or in a format AWS writes whole, decided from
 * the first line (see {@link HeaderlessFlowFormat}).
 *
 * <p>Never throws for bad content: what cannot be read becomes a {@link RawKind#SOURCE_ERROR}
 * record that the decoder turns into a dead letter, and the scan of that file ends.
 */
public final class LogFileScanner implements AutoCloseable {
    /** The most lines in one record of a JSON-lines or flow log file. */
    static final int RUN_LINES = 1000;

    /** The most bytes in one such record (a line that takes it past stays in). */
    static final int RUN_BYTES = 256 * 1024;

    /**
     * Where a run is put together before it is copied out at its size: one per thread. A buffer of
     * the largest run's size for every file, zeroed each time though most runs fill a fraction of
     * it, was a seventh of a replay's allocation.
     */
    private static final ThreadLocal<LineRunBuffer> RUN_BUFFER =
            ThreadLocal.withInitial(() -> new LineRunBuffer(RUN_BYTES + 4096));

    private enum Mode {
        START,
        JSON_LINES,
        FLOW_LINES,
        DONE
    }

    private final InputStream raw;
    private final String name;
    private final DecodeLimits limits;
    private final FlowLogFormat declaredFlowFormat;
    private Mode mode = Mode.START;
    private LineReader lines;
    private boolean gzip;
    private int lineNo;
    private String flowHeader;
    private RawRecord pending;

    public LogFileScanner(InputStream raw, String name, DecodeLimits limits) {
        this(raw, name, limits, null);
    }

    /**
     * @param declaredFlowFormat the format of the file's flow lines if it has no header line, as
     *     declared for it (replay's {@code --flow-format} or a {@code .flow-format} file), or
     *     {@code null}
     */
    public LogFileScanner(
            InputStream raw, String name, DecodeLimits limits, FlowLogFormat declaredFlowFormat) {
        this.raw = raw;
        this.name = name;
        this.limits = limits;
        this.declaredFlowFormat = declaredFlowFormat;
    }

    /** The next raw record, or {@code null} when the file is done. */
    public RawRecord next() {
        if (pending != null) {
            RawRecord r = pending;
            pending = null;
            return r;
        }
        try {
            switch (mode) {
                case START:
                    return start();
                case JSON_LINES:
                    return nextJsonLine();
                case FLOW_LINES:
                    return nextFlowLine();
                default:
                    return null;
            }
        } catch (PartialInputException e) {
            return beforeDamage(e.partial, e);
        } catch (IOException e) {
            mode = Mode.DONE;
            return readError(e);
        }
    }

    /**
     * What a document read before its damage: decoded as far as it is complete (the records of a
     * {@code Records} array before the cut), the damage then a dead letter of its own.
     */
    private RawRecord beforeDamage(byte[] partial, IOException e) {
        mode = Mode.DONE;
        RawRecord damage = readError(e);
        if (ContentSniffer.firstSignificantByte(partial, 0) < 0) {
            return damage;
        }
        RawRecord r = new RawRecord(name, RawKind.JSON, partial, null);
        r.errorReason = damage.errorReason;
        r.errorDetail = damage.errorDetail;
        return r;
    }

    private RawRecord start() throws IOException {
        // gzip and the line reader read in large blocks of their own: only the magic is put back
        PushbackInputStream file = new PushbackInputStream(raw, 2);
        byte[] magic = file.readNBytes(2);
        file.unread(magic);
        InputStream content = file;
        if (FormatDecider.isGzip(magic)) {
            gzip = true;
            content =
                    new BoundedInputStream(
                            new GZIPInputStream(file, 64 * 1024),
                            limits.maxDecompressedBytes,
                            "decompressed gzip input");
        }
        lines = new LineReader(content);
        int first = lines.peekSignificant();
        if (first < 0) {
            mode = Mode.DONE;
            return error("empty-file", "the file holds no records", new byte[0]);
        }
        if (FormatDecider.isJson(first)) {
            return startJson();
        }
        return startText();
    }

    private RawRecord startJson() throws IOException {
        byte[] firstLine = lines.readLine(limits.maxDocumentBytes);
        lineNo = 1;
        if (lines.lastLineTooLong) {
            mode = Mode.DONE;
            return error(
                    "document-too-large",
                    "JSON document exceeds " + limits.maxDocumentBytes + " bytes",
                    firstLine);
        }
        boolean more;
        try {
            more = lines.peekSignificant() >= 0;
        } catch (IOException e) {
            return beforeDamage(firstLine, e);
        }
        if (!more) {
            mode = Mode.DONE;
            return new RawRecord(name, RawKind.JSON, firstLine, null);
        }
        if (FormatDecider.isCompleteJsonValue(firstLine)) {
            mode = Mode.JSON_LINES;
            return jsonLine(firstLine);
        }
        byte[] secondLine;
        try {
            secondLine = lines.readLine(limits.maxDocumentBytes);
        } catch (PartialInputException e) {
            return beforeDamage(joinLines(firstLine, e.partial), e);
        }
        if (!lines.lastLineTooLong && FormatDecider.isCompleteJsonValue(secondLine)) {
            // JSON lines whose first line is broken: that line alone is dead-lettered.
            mode = Mode.JSON_LINES;
            RawRecord first = jsonLine(firstLine);
            lineNo = 2;
            pending = jsonLine(secondLine);
            return withOrigin(first, name + " line 1");
        }
        // One document across lines (pretty-printed): it is decoded whole.
        mode = Mode.DONE;
        byte[] prefix = joinLines(firstLine, secondLine);
        return new RawRecord(
                name, RawKind.JSON, lines.readRest(prefix, limits.maxDocumentBytes), null);
    }

    /** Two lines, each ending in a newline. */
    private static byte[] joinLines(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length + 2];
        System.arraycopy(first, 0, joined, 0, first.length);
        joined[first.length] = '\n';
        System.arraycopy(second, 0, joined, first.length + 1, second.length);
        joined[joined.length - 1] = '\n';
        return joined;
    }

    private static RawRecord withOrigin(RawRecord r, String origin) {
        r.origin = origin;
        return r;
    }

    private RawRecord nextJsonLine() throws IOException {
        return nextLines(RawKind.JSON_LINES, null);
    }

    private RawRecord jsonLine(byte[] line) {
        if (lines.lastLineTooLong || line.length > limits.maxLineBytes) {
            return RawRecord.sourceError(
                    lineOrigin(),
                    "line-too-long",
                    "line exceeds " + limits.maxLineBytes + " bytes",
                    line);
        }
        return new RawRecord(lineOrigin(), RawKind.JSON, line, null);
    }

    private RawRecord startText() throws IOException {
        byte[] first = lines.readLine(limits.maxLineBytes);
        lineNo = 1;
        mode = Mode.DONE;
        switch (FormatDecider.ofFirstLine(first, lines.lastLineTooLong)) {
            case NOT_TEXT:
                return error("unrecognized-content", "neither JSON nor flow log text", first);
            case FLOW_HEADER:
                flowHeader = FormatDecider.header(first);
                FlowLogFormat format = FlowLogFormat.parseHeader(flowHeader);
                if (format.repeatedField() != null) {
                    return error(
                            "flow-header-repeated-field",
                            FlowLogFormat.repeatedFieldProblem(format) + "; the file is not read",
                            first);
                }
                mode = Mode.FLOW_LINES;
                return nextFlowLine();
            default:
                HeaderlessFlowFormat.Decision decided =
                        FormatDecider.headerlessFlow(first, declaredFlowFormat);
                if (decided.format() == null) {
                    return error("unrecognized-content", decided.problem(), first);
                }
                flowHeader = decided.header();
                mode = Mode.FLOW_LINES;
                return new RawRecord(lineOrigin(), RawKind.FLOW_LINE, first, flowHeader);
        }
    }

    private RawRecord nextFlowLine() throws IOException {
        return nextLines(RawKind.FLOW_LINES, flowHeader);
    }

    /**
     * The next run of lines, up to {@link #RUN_LINES} lines or {@link #RUN_BYTES} bytes. Blank
     * lines stay in the run so that every line keeps its number; a line over the limit ends the run
     * and becomes a record of its own.
     */
    private RawRecord nextLines(RawKind kind, String header) throws IOException {
        LineRunBuffer run = RUN_BUFFER.get();
        run.truncate(0);
        int firstLine = lineNo + 1;
        int count = 0;
        while (count < RUN_LINES && run.size() < RUN_BYTES) {
            int lineStart = run.size();
            try {
                if (!lines.appendLine(run, limits.maxLineBytes)) {
                    mode = Mode.DONE;
                    break;
                }
            } catch (IOException e) {
                // the complete lines before the damage stay in the run; the damaged one is its
                // dead letter
                mode = Mode.DONE;
                RawRecord damage = readError(e);
                damage.origin = Origins.line(name, lineNo + 1);
                damage.payload = run.copyFrom(lineStart, LineReader.TOO_LONG_KEPT);
                run.truncate(lineStart);
                if (count == 0) {
                    return damage;
                }
                pending = damage;
                break;
            }
            lineNo++;
            if (lines.lastLineTooLong) {
                RawRecord tooLong =
                        RawRecord.sourceError(
                                lineOrigin(),
                                "line-too-long",
                                "line exceeds " + limits.maxLineBytes + " bytes",
                                lines.tooLongStart);
                if (count == 0) {
                    return tooLong;
                }
                pending = tooLong;
                break;
            }
            run.write((byte) '\n');
            count++;
        }
        if (count == 0) {
            return null;
        }
        RawRecord r = new RawRecord(name, kind, run.toByteArray(), header);
        r.firstLine = firstLine;
        return r;
    }

    private String lineOrigin() {
        return name + " line " + lineNo;
    }

    private RawRecord error(String reason, String detail, byte[] start) {
        return RawRecord.sourceError(name, reason, detail, start);
    }

    private RawRecord readError(IOException failure) {
        IOException e =
                failure instanceof PartialInputException
                        ? (IOException) failure.getCause()
                        : failure;
        String where = lineNo > 0 ? " after line " + lineNo : "";
        if (e instanceof BoundedInputStream.LimitExceededException) {
            return error(
                    gzip ? "gzip-too-large" : "document-too-large",
                    e.getMessage() + where,
                    new byte[0]);
        }
        if (gzip && e instanceof EOFException) {
            return error(
                    "gzip-truncated",
                    "gzip data ends early" + where + ": " + e.getMessage(),
                    new byte[0]);
        }
        if (gzip && e instanceof ZipException) {
            return error(
                    "gzip-corrupt",
                    "gzip data is corrupt" + where + ": " + e.getMessage(),
                    new byte[0]);
        }
        return error("read-error", "cannot read the file" + where + ": " + e, new byte[0]);
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
