package io.trailwatch.detect.sigma;

import java.util.List;
import java.util.Map;

/**
 * A node of a rule file as read, with the line it starts on, so that every error can name it. Maps
 * keep the file's key order.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
    /** 1-based line of the file where the node starts. */
    int line();

    /**
     * A scalar: {@code value} is a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or
     * {@code null}, as YAML 1.2 resolves the text ({@code 'false'} quoted stays a string).
     */
    record Scalar(Object value, String text, int line) implements YamlNode {}

    record Sequence(List<YamlNode> items, int line) implements YamlNode {}

    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {
        public YamlNode get(String key) {
            return entries.get(key);
        }
    }
}
