package io.trailwatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The JSON Schemas in {@code schemas/}, loaded with networknt json-schema-validator. */
public final class Schemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {}

    public static JsonSchema load(String name) {
        Path file = Path.of("..", "schemas", name);
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonSchema alert() {
        return load("alert.schema.json");
    }

    /** The schema's complaints about a JSON text; empty when it is valid. */
    public static Set<ValidationMessage> alertErrors(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return alert().validate(node);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
