package io.trailwatch.alert.sink;

import io.trailwatch.alert.delivery.DeliveryFailureJson;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads back what a delivery sink dead-lettered. */
public final class DeliveryFailures {
    private DeliveryFailures() {}

    public static List<DeliveryFailure> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().map(DeliveryFailureJson::fromJson).toList();
    }
}
