package io.trailwatch.alert.sink;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Writes one line per record to a file, standard output or standard error: the replay's alert and
 * dead-letter outputs. Meant for parallelism 1 on the local embedded cluster.
 */
public class LineSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** Renders a record as one line. */
    public interface Formatter<T> extends Serializable {
        String format(T record);
    }

    private final String file;
    private final boolean stderr;
    private final Formatter<T> formatter;
    private final long maxLines;
    private final String overflowNote;

    private LineSink(
            String file,
            boolean stderr,
            Formatter<T> formatter,
            long maxLines,
            String overflowNote) {
        this.file = file;
        this.stderr = stderr;
        this.formatter = formatter;
        this.maxLines = maxLines;
        this.overflowNote = overflowNote;
    }

    public static <T> LineSink<T> toFile(Path file, Formatter<T> formatter) {
        return new LineSink<>(
                file.toAbsolutePath().toString(), false, formatter, Long.MAX_VALUE, null);
    }

    public static <T> LineSink<T> toStdout(Formatter<T> formatter) {
        return new LineSink<>(null, false, formatter, Long.MAX_VALUE, null);
    }

    /** At most {@code maxLines} lines to standard error, then {@code overflowNote} once. */
    public static <T> LineSink<T> toStderr(
            Formatter<T> formatter, long maxLines, String overflowNote) {
        return new LineSink<>(null, true, formatter, maxLines, overflowNote);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SinkWriter<T> createWriter(InitContext context) throws IOException {
        Writer out;
        boolean own = file != null;
        if (own) {
            out = new OutputStreamWriter(new FileOutputStream(file, false), StandardCharsets.UTF_8);
        } else {
            out = new OutputStreamWriter(stderr ? System.err : System.out, StandardCharsets.UTF_8);
        }
        return new LineWriter<>(
                new BufferedWriter(out, 64 * 1024), own, formatter, maxLines, overflowNote);
    }

    private static final class LineWriter<T> implements SinkWriter<T> {
        private final BufferedWriter out;
        private final boolean own;
        private final Formatter<T> formatter;
        private final long maxLines;
        private final String overflowNote;
        private long lines;

        LineWriter(
                BufferedWriter out,
                boolean own,
                Formatter<T> formatter,
                long maxLines,
                String overflowNote) {
            this.out = out;
            this.own = own;
            this.formatter = formatter;
            this.maxLines = maxLines;
            this.overflowNote = overflowNote;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            lines++;
            if (lines <= maxLines) {
                out.write(formatter.format(element));
                out.write('\n');
            } else if (lines == maxLines + 1 && overflowNote != null) {
                out.write(overflowNote);
                out.write('\n');
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (own) {
                out.close();
            } else {
                out.flush();
            }
        }
    }
}
