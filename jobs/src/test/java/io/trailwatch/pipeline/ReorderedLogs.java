package io.trailwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A copy of a log directory with the records of every file reordered (sorted by event time, or
 * shuffled with a seed) and the files themselves unchanged in name, format and period: what the
 * same logs look like when delivered in another order.
 */
final class ReorderedLogs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean shuffle;
    private final Random random;

    private ReorderedLogs(boolean shuffle, long seed) {
        this.shuffle = shuffle;
        this.random = new Random(seed);
    }

    static void sorted(Path from, Path to) throws IOException {
        new ReorderedLogs(false, 0).copy(from, to);
    }

    static void shuffled(Path from, Path to, long seed) throws IOException {
        new ReorderedLogs(true, seed).copy(from, to);
    }

    private void copy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            boolean gzip = file.getFileName().toString().endsWith(".gz");
            String text = new String(read(file, gzip), StandardCharsets.UTF_8);
            byte[] out = reorder(text).getBytes(StandardCharsets.UTF_8);
            write(target, out, gzip);
        }
    }

    private String reorder(String text) throws IOException {
        String trimmed = text.trim();
        if (trimmed.startsWith("{\"Records\"")) {
            ObjectNode doc = (ObjectNode) JSON.readTree(trimmed);
            List<JsonNode> records = new ArrayList<>();
            doc.get("Records").forEach(records::add);
            order(records, r -> r.path("eventTime").asText() + r.path("eventID").asText());
            ArrayNode array = doc.putArray("Records");
            records.forEach(array::add);
            return JSON.writeValueAsString(doc);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        String header = null;
        if (!lines.isEmpty() && lines.get(0).startsWith("version ")) {
            header = lines.remove(0);
        }
        if (trimmed.startsWith("{")) {
            order(lines, l -> eventBridgeTime(l));
        } else {
            // flow lines: the 11th field is the start of the capture window
            order(
                    lines,
                    l ->
                            String.format(
                                    "%012d %s",
                                    Long.parseLong(l.split(" ")[10].replace("-", "0")), l));
        }
        if (header != null) {
            lines.add(0, header);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String eventBridgeTime(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n.at("/detail/eventTime").asText() + n.at("/detail/eventID").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void order(List<T> items, Function<T, String> time) {
        if (shuffle) {
            Collections.shuffle(items, random);
        } else {
            items.sort(Comparator.comparing(time));
        }
    }

    private static byte[] read(Path file, boolean gzip) throws IOException {
        if (!gzip) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static void write(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out =
                gzip
                        ? new GZIPOutputStream(Files.newOutputStream(file))
                        : Files.newOutputStream(file)) {
            out.write(content);
        }
    }
}
