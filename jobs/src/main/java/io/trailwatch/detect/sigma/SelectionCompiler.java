package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a search identifier: a map (every field matches), a list of maps (any map matches), or
 * keywords (a value or list of values found anywhere in the record).
 */
final class SelectionCompiler {
    private SelectionCompiler() {}

    static Selection compile(LogSource source, String identifier, YamlNode node)
            throws RuleFileException {
        try {
            if (node instanceof YamlNode.Mapping map) {
                return map(source, identifier, map);
            }
            if (node instanceof YamlNode.Sequence seq
                    && !seq.items().isEmpty()
                    && seq.items().stream().allMatch(i -> i instanceof YamlNode.Mapping)) {
                List<Matcher> any = new ArrayList<>();
                Set<String> names = new HashSet<>();
                Set<String> sources = new HashSet<>();
                boolean namesPinned = true;
                boolean sourcesPinned = true;
                Set<String> fields = new LinkedHashSet<>();
                Set<String> calls = new LinkedHashSet<>();
                for (YamlNode item : seq.items()) {
                    Selection s = map(source, identifier, (YamlNode.Mapping) item);
                    any.add(s.matcher());
                    fields.addAll(s.fields());
                    calls.addAll(s.calls());
                    if (s.names() == null) {
                        namesPinned = false;
                    } else {
                        names.addAll(s.names());
                    }
                    if (s.sources() == null) {
                        sourcesPinned = false;
                    } else {
                        sources.addAll(s.sources());
                    }
                }
                Matcher[] ms = any.toArray(new Matcher[0]);
                return new Selection(
                        identifier,
                        r -> {
                            for (Matcher m : ms) {
                                if (m.matches(r)) {
                                    return true;
                                }
                            }
                            return false;
                        },
                        namesPinned ? Set.copyOf(names) : null,
                        sourcesPinned ? Set.copyOf(sources) : null,
                        List.copyOf(fields),
                        List.copyOf(calls));
            }
            return keywords(source, identifier, node);
        } catch (UnsupportedConstructException e) {
            throw new RuleFileException(node.line(), e.getMessage());
        }
    }

    private static Selection map(LogSource source, String identifier, YamlNode.Mapping map)
            throws UnsupportedConstructException, RuleFileException {
        if (map.entries().isEmpty()) {
            throw new RuleFileException(map.line(), "selection '" + identifier + "' is empty");
        }
        List<Matcher> all = new ArrayList<>();
        Set<String> names = null;
        Set<String> sources = null;
        List<String> fields = new ArrayList<>();
        List<Object> nameValues = List.of();
        List<Object> sourceValues = List.of();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            List<Object> values;
            try {
                values = values(e.getValue(), e.getKey());
                all.add(FieldConditions.compile(source, e.getKey(), values));
            } catch (UnsupportedConstructException x) {
                throw new RuleFileException(
                        faultLine(source, e.getKey(), e.getValue()), x.getMessage());
            }
            FieldConditions.Key key = FieldConditions.Key.parse(e.getKey());
            if (!fields.contains(key.field())) {
                fields.add(key.field());
            }
            if (key.modifiers().isEmpty() && source == LogSource.CLOUDTRAIL) {
                if (key.field().equals("eventName")) {
                    names = pins(values);
                    nameValues = names == null ? List.of() : values;
                } else if (key.field().equals("eventSource")) {
                    sources = pins(values);
                    sourceValues = sources == null ? List.of() : values;
                }
            }
        }
        Matcher[] ms = all.toArray(new Matcher[0]);
        Matcher matcher =
                ms.length == 1
                        ? ms[0]
                        : r -> {
                            for (Matcher m : ms) {
                                if (!m.matches(r)) {
                                    return false;
                                }
                            }
                            return true;
                        };
        List<String> calls = new ArrayList<>();
        for (Object name : nameValues) {
            calls.add(
                    sourceValues.size() == 1
                            ? TextPattern.plain((String) sourceValues.get(0))
                                    + " "
                                    + TextPattern.plain((String) name)
                            : TextPattern.plain((String) name));
        }
        return new Selection(
                identifier, matcher, names, sources, List.copyOf(fields), List.copyOf(calls));
    }

    /** The line of the first listed value that fails on its own, else where the values start. */
    private static int faultLine(LogSource source, String key, YamlNode node) {
        if (node instanceof YamlNode.Sequence seq && seq.items().size() > 1) {
            for (YamlNode item : seq.items()) {
                if (item instanceof YamlNode.Scalar s) {
                    try {
                        FieldConditions.compile(
                                source, key, java.util.Collections.singletonList(s.value()));
                    } catch (UnsupportedConstructException x) {
                        return item.line();
                    }
                }
            }
        }
        return node.line();
    }

    /** The plain values of an equality, lower case; {@code null} when any has a wildcard. */
    private static Set<String> pins(List<Object> values) {
        Set<String> out = new HashSet<>();
        for (Object v : values) {
            if (!(v instanceof String s)) {
                return null;
            }
            String plain = TextPattern.plain(s);
            if (plain == null) {
                return null;
            }
            out.add(plain.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    private static Selection keywords(LogSource source, String identifier, YamlNode node)
            throws UnsupportedConstructException {
        List<Object> words = values(node, identifier);
        List<TextPattern> patterns = new ArrayList<>();
        for (Object w : words) {
            if (w == null) {
                throw new UnsupportedConstructException(
                        "keyword list '" + identifier + "' holds null");
            }
            String text = Values.text(w);
            patterns.add(
                    TextPattern.of(
                            TextPattern.plain(text) != null
                                    ? FieldConditions.wrap("contains", text)
                                    : text,
                            false));
        }
        return new Selection(
                identifier,
                r -> {
                    List<Object> all = new ArrayList<>();
                    source.everyValue(r, all);
                    for (Object v : all) {
                        if (v == null) {
                            continue;
                        }
                        String t = Values.text(v);
                        for (TextPattern p : patterns) {
                            if (p.matches(t)) {
                                return true;
                            }
                        }
                    }
                    return false;
                },
                null,
                null,
                List.of(),
                List.of());
    }

    private static List<Object> values(YamlNode node, String key)
            throws UnsupportedConstructException {
        if (node instanceof YamlNode.Scalar s) {
            return java.util.Collections.singletonList(s.value());
        }
        if (node instanceof YamlNode.Sequence seq) {
            List<Object> out = new ArrayList<>();
            for (YamlNode item : seq.items()) {
                if (!(item instanceof YamlNode.Scalar s)) {
                    throw new UnsupportedConstructException(
                            "'" + key + "' lists something other than plain values");
                }
                out.add(s.value());
            }
            return out;
        }
        throw new UnsupportedConstructException(
                "'"
                        + key
                        + "' holds a map; a selection's values are plain values or a list of them");
    }
}
