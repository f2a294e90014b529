package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Compiles a rule's {@code detection} block: its search identifiers and its condition. */
final class DetectionCompiler {
    private DetectionCompiler() {}

    static CompiledDetection compile(LogSource source, YamlNode detection)
            throws RuleFileException {
        if (!(detection instanceof YamlNode.Mapping map)) {
            throw new RuleFileException(detection.line(), "detection must be a map");
        }
        Map<String, Selection> selections = new LinkedHashMap<>();
        YamlNode condition = null;
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            switch (e.getKey()) {
                case "condition":
                    condition = e.getValue();
                    break;
                case "timeframe":
                    throw new RuleFileException(
                            e.getValue().line(),
                            "timeframe is Sigma 1.x aggregation; write a correlation rule instead");
                default:
                    selections.put(
                            e.getKey(),
                            SelectionCompiler.compile(source, e.getKey(), e.getValue()));
            }
        }
        if (condition == null) {
            throw new RuleFileException(map.line(), "detection has no condition");
        }
        List<String> texts = new ArrayList<>();
        if (condition instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            texts.add(text);
        } else if (condition instanceof YamlNode.Sequence seq
                && !seq.items().isEmpty()
                && seq.items().stream()
                        .allMatch(
                                i ->
                                        i instanceof YamlNode.Scalar s
                                                && s.value() instanceof String)) {
            seq.items().forEach(i -> texts.add((String) ((YamlNode.Scalar) i).value()));
        } else {
            throw new RuleFileException(
                    condition.line(), "condition must be text or a list of texts");
        }
        List<Condition> parsed = new ArrayList<>();
        for (String text : texts) {
            try {
                parsed.add(ConditionParser.parse(text));
            } catch (UnsupportedConstructException e) {
                throw new RuleFileException(condition.line(), e.getMessage());
            }
        }
        Condition whole = parsed.size() == 1 ? parsed.get(0) : new Condition.Or(parsed);
        Bound bound;
        try {
            bound = bind(whole, selections);
        } catch (UnsupportedConstructException e) {
            throw new RuleFileException(condition.line(), e.getMessage());
        }
        Set<String> fields = new LinkedHashSet<>();
        for (Selection s : bound.used) {
            fields.addAll(s.fields());
        }
        List<String> warnings = new ArrayList<>();
        for (String f : fields) {
            String why = source.unknown(f);
            if (why != null) {
                warnings.add(why + "; a selection that needs it never matches");
            }
        }
        return new CompiledDetection(
                bound.matcher,
                bound.names,
                bound.sources,
                List.copyOf(fields),
                selections,
                List.copyOf(warnings),
                List.copyOf(bound.calls));
    }

    /** A condition bound to its selections: matcher, pins, and the selections it reads. */
    private record Bound(
            Matcher matcher,
            Set<String> names,
            Set<String> sources,
            List<Selection> used,
            Set<String> calls) {}

    private static Bound bind(Condition c, Map<String, Selection> selections)
            throws UnsupportedConstructException {
        if (c instanceof Condition.Ref ref) {
            Selection s = selections.get(ref.identifier());
            if (s == null) {
                throw new UnsupportedConstructException(
                        "the condition names '"
                                + ref.identifier()
                                + "', which the detection does not define (it defines "
                                + selections.keySet()
                                + ")");
            }
            return new Bound(
                    s.matcher(),
                    s.names(),
                    s.sources(),
                    List.of(s),
                    new LinkedHashSet<>(s.calls()));
        }
        if (c instanceof Condition.Not not) {
            Bound inner = bind(not.part(), selections);
            Matcher m = inner.matcher;
            return new Bound(r -> !m.matches(r), null, null, inner.used, Set.of());
        }
        if (c instanceof Condition.And and) {
            return all(bindAll(and.parts(), selections));
        }
        if (c instanceof Condition.Or or) {
            return atLeast(1, bindAll(or.parts(), selections));
        }
        Condition.Quantified q = (Condition.Quantified) c;
        List<Bound> parts = new ArrayList<>();
        for (String id : named(q.pattern(), selections)) {
            parts.add(bind(new Condition.Ref(id), selections));
        }
        if (q.count() == 0) {
            return all(parts);
        }
        if (q.count() > parts.size()) {
            throw new UnsupportedConstructException(
                    "'"
                            + q.count()
                            + " of "
                            + q.pattern()
                            + "' can never hold: "
                            + parts.size()
                            + " selections match");
        }
        return q.count() == parts.size() ? all(parts) : atLeast(q.count(), parts);
    }

    private static List<Bound> bindAll(List<Condition> cs, Map<String, Selection> selections)
            throws UnsupportedConstructException {
        List<Bound> out = new ArrayList<>();
        for (Condition c : cs) {
            out.add(bind(c, selections));
        }
        return out;
    }

    private static List<String> named(String pattern, Map<String, Selection> selections)
            throws UnsupportedConstructException {
        List<String> out = new ArrayList<>();
        if (pattern.equals("them")) {
            for (String id : selections.keySet()) {
                if (!id.startsWith("_")) {
                    out.add(id);
                }
            }
        } else {
            Pattern p = Pattern.compile(globToRegex(pattern));
            for (String id : selections.keySet()) {
                if (p.matcher(id).matches()) {
                    out.add(id);
                }
            }
        }
        if (out.isEmpty()) {
            throw new UnsupportedConstructException(
                    "'of " + pattern + "' matches no selection of the detection");
        }
        return out;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*') {
                sb.append(".*");
            } else if (ch == '?') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return sb.toString();
    }

    private static Bound all(List<Bound> parts) {
        Matcher[] ms = parts.stream().map(Bound::matcher).toArray(Matcher[]::new);
        Set<String> names = null;
        Set<String> sources = null;
        List<Selection> used = new ArrayList<>();
        Set<String> calls = new LinkedHashSet<>();
        for (Bound b : parts) {
            names = intersect(names, b.names);
            sources = intersect(sources, b.sources);
            used.addAll(b.used);
            calls.addAll(b.calls);
        }
        return new Bound(
                r -> {
                    for (Matcher m : ms) {
                        if (!m.matches(r)) {
                            return false;
                        }
                    }
                    return true;
                },
                names,
                sources,
                used,
                calls);
    }

    private static Bound atLeast(int count, List<Bound> parts) {
        Matcher[] ms = parts.stream().map(Bound::matcher).toArray(Matcher[]::new);
        Set<String> names = new HashSet<>();
        Set<String> sources = new HashSet<>();
        List<Selection> used = new ArrayList<>();
        Set<String> calls = new LinkedHashSet<>();
        for (Bound b : parts) {
            names = names == null || b.names == null ? null : union(names, b.names);
            sources = sources == null || b.sources == null ? null : union(sources, b.sources);
            used.addAll(b.used);
            calls.addAll(b.calls);
        }
        Matcher m =
                count == 1
                        ? r -> {
                            for (Matcher x : ms) {
                                if (x.matches(r)) {
                                    return true;
                                }
                            }
                            return false;
                        }
                        : r -> {
                            int hits = 0;
                            for (int i = 0; i < ms.length; i++) {
                                if (ms[i].matches(r) && ++hits >= count) {
                                    return true;
                                }
                                if (hits + ms.length - i - 1 < count) {
                                    return false;
                                }
                            }
                            return false;
                        };
        return new Bound(
                m,
                names == null ? null : Set.copyOf(names),
                sources == null ? null : Set.copyOf(sources),
                used,
                calls);
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<String> out = new HashSet<>(a);
        out.retainAll(b);
        return Set.copyOf(out);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
