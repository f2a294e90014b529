package io.trailwatch.config;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Runtime property groups: what Managed Service for Apache Flink hands an application, or the same
 * shape from a local file for development.
 *
 * <p>Two file forms are read. JSON exactly as the service's {@code EnvironmentProperties} (and its
 * {@code /etc/flink/application_properties.json}): {@code [{"PropertyGroupId": "Input",
 * "PropertyMap": {"region": "eu-west-1"}}]}. And Java properties with the group before the first
 * dot: {@code Input.region=eu-west-1}.
 */
public final class PropertyGroups {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PropertyGroups() {}

    /** The groups of the running Managed Service for Apache Flink application (empty elsewhere). */
    public static Map<String, Properties> fromRuntime() throws SettingsException {
        try {
            return new TreeMap<>(KinesisAnalyticsRuntime.getApplicationProperties());
        } catch (IOException | RuntimeException e) {
            throw new SettingsException(
                    "cannot read the application's runtime properties: " + e.getMessage());
        }
    }

    public static Map<String, Properties> fromFile(Path file) throws SettingsException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException(
                    "cannot read properties file " + file + ": " + e.getMessage());
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return fromJson(trimmed, file.toString());
        }
        return fromProperties(text, file.toString());
    }

    static Map<String, Properties> fromJson(String json, String source) throws SettingsException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SettingsException(source + " is not valid JSON: " + e.getOriginalMessage());
        }
        // The service's own file is an array; a console export wraps it in PropertyGroups.
        if (root != null && root.isObject() && root.has("PropertyGroups")) {
            root = root.get("PropertyGroups");
        }
        if (root == null || !root.isArray()) {
            throw new SettingsException(
                    source
                            + " must be a JSON array of {\"PropertyGroupId\": ..., \"PropertyMap\": {...}}");
        }
        Map<String, Properties> groups = new TreeMap<>();
        int index = 0;
        for (JsonNode group : root) {
            String where = source + " entry " + index++;
            JsonNode id = group.get("PropertyGroupId");
            JsonNode map = group.get("PropertyMap");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                throw new SettingsException(where + " has no PropertyGroupId");
            }
            if (map == null || !map.isObject()) {
                throw new SettingsException(
                        where + " (" + id.asText() + ") has no PropertyMap object");
            }
            Properties properties = groups.computeIfAbsent(id.asText(), k -> new Properties());
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    throw new SettingsException(
                            id.asText() + "." + e.getKey() + " in " + source + " must be a string");
                }
                properties.setProperty(e.getKey(), e.getValue().asText());
            }
        }
        return groups;
    }

    static Map<String, Properties> fromProperties(String text, String source)
            throws SettingsException {
        Properties flat = new Properties();
        try (Reader r = new StringReader(text)) {
            flat.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException(
                    source + " is not a valid properties file: " + e.getMessage());
        }
        Map<String, Properties> groups = new TreeMap<>();
        for (String name : flat.stringPropertyNames()) {
            int dot = name.indexOf('.');
            if (dot <= 0 || dot == name.length() - 1) {
                throw new SettingsException(
                        "'" + name + "' in " + source + " must be GROUP.key, e.g. Input.region");
            }
            groups.computeIfAbsent(name.substring(0, dot), k -> new Properties())
                    .setProperty(name.substring(dot + 1), flat.getProperty(name));
        }
        return groups;
    }
}
