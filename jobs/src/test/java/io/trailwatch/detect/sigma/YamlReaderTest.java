package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static YamlNode.Mapping only(String text) throws RuleFileException {
        List<YamlNode> docs = YamlReader.documents("t.yml", text);
        assertThat(docs).hasSize(1);
        return (YamlNode.Mapping) docs.get(0);
    }

    @Test
    void nodesKnowTheLineTheyStartOn() throws Exception {
        YamlNode.Mapping doc =
                only(
                        "title: t\n"
                                + "# a comment\n"
                                + "detection:\n"
                                + "  selection:\n"
                                + "    eventName:\n"
                                + "      - A\n"
                                + "      - B\n"
                                + "  condition: selection\n");
        assertThat(doc.line()).isEqualTo(1);
        YamlNode.Mapping detection = (YamlNode.Mapping) doc.get("detection");
        assertThat(detection.line()).isEqualTo(4);
        YamlNode.Mapping selection = (YamlNode.Mapping) detection.get("selection");
        assertThat(selection.line()).isEqualTo(5);
        YamlNode.Sequence names = (YamlNode.Sequence) selection.get("eventName");
        assertThat(names.line()).isEqualTo(6);
        assertThat(names.items()).extracting(YamlNode::line).containsExactly(6, 7);
        assertThat(detection.get("condition").line()).isEqualTo(8);
        assertThat(detection.entries().keySet()).containsExactly("selection", "condition");
    }

    @Test
    void documentsAfterSeparatorsKeepFileLines() throws Exception {
        List<YamlNode> docs =
                YamlReader.documents("t.yml", "a: 1\n---\nb: 2\n\n---\n# c\nc: 3\nd: 4\n");
        assertThat(docs).extracting(YamlNode::line).containsExactly(1, 3, 7);
        assertThat(((YamlNode.Mapping) docs.get(2)).get("d").line()).isEqualTo(8);
    }

    @Test
    void scalarsResolveByTheYaml12CoreSchema() throws Exception {
        YamlNode.Mapping doc =
                only(
                        "s: 'false'\nb: false\ni: 12\nf: 1.5\nn: ~\ne:\nyes: yes\nq: '12'\nz: null\n"
                                + "t: \"a\\\\*b\"\nN: Null\nT: TRUE\n");
        assertThat(value(doc, "s")).isEqualTo("false");
        assertThat(value(doc, "b")).isEqualTo(Boolean.FALSE);
        assertThat(value(doc, "i")).isEqualTo(12L);
        assertThat(value(doc, "f")).isEqualTo(1.5d);
        // the core schema: ~, null, Null are null; TRUE a boolean; yes stays text (YAML 1.2)
        assertThat(value(doc, "n")).isNull();
        assertThat(value(doc, "N")).isNull();
        assertThat(value(doc, "T")).isEqualTo(Boolean.TRUE);
        assertThat(value(doc, "e")).isNull();
        assertThat(value(doc, "z")).isNull();
        assertThat(value(doc, "yes")).isEqualTo("yes");
        assertThat(value(doc, "q")).isEqualTo("12");
        assertThat(value(doc, "t")).isEqualTo("a\\*b");
    }

    private static Object value(YamlNode.Mapping doc, String key) {
        return ((YamlNode.Scalar) doc.get(key)).value();
    }

    @Test
    void aDuplicateKeyNamesTheLineOfItsSecondUse() {
        assertThatThrownBy(
                        () ->
                                YamlReader.documents(
                                        "t.yml",
                                        "title: t\ndetection:\n  sel:\n    eventName: A\n"
                                                + "    eventSource: s\n    eventName: B\n"))
                .isInstanceOfSatisfying(
                        RuleFileException.class,
                        e -> {
                            assertThat(e.line()).isEqualTo(6);
                            assertThat(e.reason()).contains("'eventName' appears twice");
                        });
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        assertThatThrownBy(
                        () ->
                                YamlReader.documents(
                                        "t.yml", "title: t\nid: x\ndetection: a: b\nlevel: low\n"))
                .isInstanceOfSatisfying(
                        RuleFileException.class,
                        e -> {
                            assertThat(e.line()).isEqualTo(3);
                            assertThat(e.reason()).startsWith("not valid YAML");
                        });
        assertThatThrownBy(() -> YamlReader.documents("t.yml", "a: 1\nb: [1, 2\nc: 3\n"))
                .isInstanceOfSatisfying(
                        RuleFileException.class,
                        e -> {
                            assertThat(e.line()).isBetween(2, 4);
                            assertThat(e.reason()).startsWith("not valid YAML");
                        });
    }

    /**
     * SnakeYAML Engine 2.10 misreads a surrogate pair that straddles the end of its read buffer
     * (1024 characters by default); the reader must read such files whole and right.
     */
    @Test
    void anEmojiAcrossTheBufferBoundaryReadsFine() throws Exception {
        String emoji = "\uD83D\uDD12"; // a lock, one code point, two chars
        for (int at = 1015; at <= 1030; at++) {
            StringBuilder sb = new StringBuilder("title: t\ndescription: '");
            while (sb.length() < at) {
                sb.append('x');
            }
            sb.append(emoji).append(" locked'\nlevel: low\n");
            String text = sb.toString();
            assertThat(text.indexOf(emoji)).isEqualTo(at);
            YamlNode.Mapping doc = only(text);
            String description = (String) value(doc, "description");
            assertThat(description).as("emoji at %d", at).endsWith(emoji + " locked");
            assertThat(description.length())
                    .isEqualTo(at - "title: t\ndescription: '".length() + 9);
            assertThat(doc.get("level").line()).isEqualTo(3);
            // long text after the emoji too, spanning further buffer ends
            String longer = text + "tags:\n" + "  - 'é🔒x'\n".repeat(300);
            YamlNode.Mapping more = only(longer);
            assertThat(((YamlNode.Sequence) more.get("tags")).items())
                    .hasSize(300)
                    .allSatisfy(i -> assertThat(((YamlNode.Scalar) i).value()).isEqualTo("é🔒x"));
        }
    }
}
