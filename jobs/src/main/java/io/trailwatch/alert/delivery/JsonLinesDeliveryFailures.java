package io.trailwatch.alert.delivery;

import io.trailwatch.model.DeliveryFailure;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Dead letters appended to a local JSON-lines file. Every subtask opens the file for appending and
 * writes each line with one write, so lines of parallel writers never interleave.
 */
final class JsonLinesDeliveryFailures implements DeliveryFailureOutput {
    private static final long serialVersionUID = 1L;

    private final String file;

    JsonLinesDeliveryFailures(String file) {
        this.file = file;
    }

    @Override
    public DeliveryFailureWriter open() throws IOException {
        OutputStream out = new FileOutputStream(file, true);
        return new DeliveryFailureWriter() {
            @Override
            public synchronized void write(DeliveryFailure failure) throws IOException {
                out.write(
                        (DeliveryFailureJson.toJson(failure) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }

            @Override
            public synchronized void close() throws IOException {
                out.close();
            }
        };
    }
}
