package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the documents of a YAML file ({@code ---} separates them) into {@link YamlNode}s with their
 * lines. SnakeYAML Engine composes the node graph; this only converts it, resolving scalars by the
 * YAML 1.2 core schema and refusing what a rule file never needs (duplicate keys, keys that are not
 * scalars, aliases nested too deep).
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 64;

    private YamlReader() {}

    public static List<YamlNode> documents(String name, String text) throws RuleFileException {
        LoadSettings settings =
                LoadSettings.builder()
                        .setLabel(name)
                        // YAML 1.2's core schema: ~, Null and NULL are null, True and FALSE
                        // booleans, as in the files rule authors test with other tools
                        .setSchema(new CoreSchema())
                        .setMaxAliasesForCollections(50)
                        .setAllowRecursiveKeys(false)
                        .setCodePointLimit(4 * 1024 * 1024)
                        // the whole text in one buffer: SnakeYAML Engine 2.10 reads past its
                        // buffer when a surrogate pair (an emoji) straddles the buffer's end
                        .setBufferSize(text.length() + 2)
                        .build();
        List<YamlNode> out = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                if (node != null) {
                    out.add(convert(node, 0));
                }
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem();
            throw new RuleFileException(line, "not valid YAML: " + problem);
        } catch (YamlEngineException e) {
            throw new RuleFileException(0, "not valid YAML: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new RuleFileException(0, "cannot be read as YAML: " + e);
        }
        return out;
    }

    private static YamlNode convert(Node node, int depth) throws RuleFileException {
        int line = line(node);
        if (depth > MAX_DEPTH) {
            throw new RuleFileException(line, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node instanceof ScalarNode s) {
            return new YamlNode.Scalar(scalar(s), s.getValue(), line);
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new YamlNode.Sequence(List.copyOf(items), line);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new RuleFileException(line(t.getKeyNode()), "a key must be plain text");
            }
            YamlNode value = convert(t.getValueNode(), depth + 1);
            if (entries.put(key.getValue(), value) != null) {
                throw new RuleFileException(
                        line(key), "key '" + key.getValue() + "' appears twice in the same map");
            }
        }
        return new YamlNode.Mapping(entries, line);
    }

    private static Object scalar(ScalarNode s) throws RuleFileException {
        Tag tag = s.getTag();
        String text = s.getValue();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Long.valueOf(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private static int line(Node node) {
        return node.getStartMark().map(Mark::getLine).map(l -> l + 1).orElse(0);
    }
}
