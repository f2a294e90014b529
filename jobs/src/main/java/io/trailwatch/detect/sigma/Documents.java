package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.List;

/** Reading the parts of a rule document, with errors that name the line. */
final class Documents {
    private Documents() {}

    /** The text at {@code key}, or {@code null} when absent. */
    static String text(YamlNode.Mapping doc, String key) throws RuleFileException {
        YamlNode n = doc.get(key);
        if (n == null || (n instanceof YamlNode.Scalar s && s.value() == null)) {
            return null;
        }
        if (n instanceof YamlNode.Scalar s) {
            return s.text();
        }
        throw new RuleFileException(n.line(), key + " must be text");
    }

    static String required(YamlNode.Mapping doc, String key, String what) throws RuleFileException {
        String t = text(doc, key);
        if (t == null || t.isBlank()) {
            throw new RuleFileException(doc.line(), what + " has no " + key);
        }
        return t;
    }

    /** A list of texts at {@code key} (a single text counts as a list of one). */
    static List<String> texts(YamlNode.Mapping doc, String key) throws RuleFileException {
        YamlNode n = doc.get(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n instanceof YamlNode.Scalar s) {
            if (s.value() != null) {
                out.add(s.text());
            }
            return out;
        }
        if (n instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (!(item instanceof YamlNode.Scalar s) || s.value() == null) {
                    throw new RuleFileException(item.line(), key + " must list texts");
                }
                out.add(s.text());
            }
            return out;
        }
        throw new RuleFileException(n.line(), key + " must be a list of texts");
    }

    static YamlNode.Mapping map(YamlNode.Mapping doc, String key) throws RuleFileException {
        YamlNode n = doc.get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof YamlNode.Mapping m)) {
            throw new RuleFileException(n.line(), key + " must be a map");
        }
        return m;
    }
}
