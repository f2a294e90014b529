package io.trailwatch.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A deliberately plain Sigma evaluator for tests: it reads a rule from its parsed YAML and its
 * condition text, and a record from its CloudTrail JSON, with none of the engine's compiler, so
 * that the two can be compared. Slow and simple on purpose.
 */
final class SigmaInterpreter {
    private final Map<String, YamlNode> selections = new LinkedHashMap<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Pattern> patterns = new HashMap<>();

    SigmaInterpreter(YamlNode.Mapping rule) {
        YamlNode.Mapping detection = (YamlNode.Mapping) rule.get("detection");
        for (Map.Entry<String, YamlNode> e : detection.entries().entrySet()) {
            if (e.getKey().equals("condition")) {
                if (e.getValue() instanceof YamlNode.Sequence seq) {
                    for (YamlNode item : seq.items()) {
                        conditions.add((String) ((YamlNode.Scalar) item).value());
                    }
                } else {
                    conditions.add((String) ((YamlNode.Scalar) e.getValue()).value());
                }
            } else {
                selections.put(e.getKey(), e.getValue());
            }
        }
    }

    /** Whether the rule matches the record given as its JSON tree. */
    boolean matches(JsonNode record) {
        Map<String, Boolean> results = new HashMap<>();
        for (Map.Entry<String, YamlNode> e : selections.entrySet()) {
            results.put(e.getKey(), selection(e.getValue(), record));
        }
        boolean any = false;
        for (String c : conditions) {
            any |= new ConditionEval(c, results).evaluate();
        }
        return any;
    }

    // ---- the condition: a recursive descent over the raw text

    private static final class ConditionEval {
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, Boolean> results;
        private int at;

        ConditionEval(String text, Map<String, Boolean> results) {
            this.results = results;
            StringBuilder word = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '(' || c == ')' || c == ' ') {
                    if (word.length() > 0) {
                        tokens.add(word.toString());
                        word.setLength(0);
                    }
                    if (c != ' ') {
                        tokens.add(String.valueOf(c));
                    }
                } else {
                    word.append(c);
                }
            }
            if (word.length() > 0) {
                tokens.add(word.toString());
            }
        }

        boolean evaluate() {
            boolean v = or();
            if (at != tokens.size()) {
                throw new IllegalStateException("trailing tokens in " + tokens);
            }
            return v;
        }

        private boolean next(String word) {
            if (at < tokens.size() && tokens.get(at).equalsIgnoreCase(word)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean or() {
            boolean v = and();
            while (next("or")) {
                boolean w = and();
                v = v || w;
            }
            return v;
        }

        private boolean and() {
            boolean v = not();
            while (next("and")) {
                boolean w = not();
                v = v && w;
            }
            return v;
        }

        private boolean not() {
            if (next("not")) {
                return !not();
            }
            return atom();
        }

        private boolean atom() {
            String t = tokens.get(at++);
            if (t.equals("(")) {
                boolean v = or();
                if (!next(")")) {
                    throw new IllegalStateException("unclosed ( in " + tokens);
                }
                return v;
            }
            if (next("of")) {
                String pattern = tokens.get(at++);
                int hits = 0;
                int named = 0;
                for (Map.Entry<String, Boolean> e : results.entrySet()) {
                    boolean in =
                            pattern.equals("them")
                                    ? !e.getKey().startsWith("_")
                                    : globMatches(pattern, e.getKey());
                    if (in) {
                        named++;
                        if (e.getValue()) {
                            hits++;
                        }
                    }
                }
                if (named == 0) {
                    throw new IllegalStateException("pattern names nothing: " + pattern);
                }
                String q = t.toLowerCase(Locale.ROOT);
                int need = q.equals("all") ? named : q.equals("any") ? 1 : Integer.parseInt(q);
                return hits >= need;
            }
            Boolean v = results.get(t);
            if (v == null) {
                throw new IllegalStateException("undefined " + t);
            }
            return v;
        }

        private static final Map<String, Pattern> GLOBS =
                new java.util.concurrent.ConcurrentHashMap<>();

        private static boolean globMatches(String glob, String name) {
            Pattern p =
                    GLOBS.computeIfAbsent(
                            glob,
                            g -> {
                                StringBuilder re = new StringBuilder();
                                for (char c : g.toCharArray()) {
                                    re.append(
                                            c == '*'
                                                    ? ".*"
                                                    : c == '?'
                                                            ? "."
                                                            : Pattern.quote(String.valueOf(c)));
                                }
                                return Pattern.compile(re.toString());
                            });
            return p.matcher(name).matches();
        }
    }

    // ---- selections and values

    private boolean selection(YamlNode node, JsonNode record) {
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                if (map((YamlNode.Mapping) item, record)) {
                    return true;
                }
            }
            return false;
        }
        return map((YamlNode.Mapping) node, record);
    }

    private boolean map(YamlNode.Mapping map, JsonNode record) {
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            if (!entry(e.getKey(), e.getValue(), record)) {
                return false;
            }
        }
        return true;
    }

    private boolean entry(String key, YamlNode node, JsonNode record) {
        String[] parts = key.split("\\|");
        String field = parts[0];
        List<String> mods = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            mods.add(parts[i].toLowerCase(Locale.ROOT));
        }
        List<Object> expected = new ArrayList<>();
        if (node instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                expected.add(((YamlNode.Scalar) item).value());
            }
        } else {
            expected.add(((YamlNode.Scalar) node).value());
        }
        List<Object> actual = new ArrayList<>();
        walk(record, field.split("\\."), 0, actual);

        if (mods.contains("exists")) {
            boolean present = false;
            for (Object a : actual) {
                present |= a != null;
            }
            return present == (Boolean) expected.get(0);
        }
        boolean all = mods.contains("all");
        boolean result = all;
        for (Object want : expected) {
            boolean one = one(mods, want, actual);
            result = all ? result && one : result || one;
        }
        return mods.contains("neq") ? !result : result;
    }

    /** Whether one expected value matches any of the field's values. */
    private boolean one(List<String> mods, Object want, List<Object> actual) {
        if (want == null) {
            return actual.isEmpty() || actual.contains(null);
        }
        for (Object a : actual) {
            if (a != null && oneValue(mods, want, a)) {
                return true;
            }
        }
        return false;
    }

    private boolean oneValue(List<String> mods, Object want, Object have) {
        String text = asText(have);
        if (mods.contains("re")) {
            int flags = mods.contains("i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            Pattern p =
                    patterns.computeIfAbsent(
                            flags + "/" + want, k -> Pattern.compile((String) want, flags));
            return p.matcher(text).find();
        }
        if (mods.contains("cidr")) {
            return have instanceof String && inNetwork((String) want, text);
        }
        for (String op : new String[] {"gt", "gte", "lt", "lte"}) {
            if (mods.contains(op)) {
                Double h = number(have);
                if (h == null) {
                    return false;
                }
                int c = Double.compare(h, number(want));
                return op.equals("gt")
                        ? c > 0
                        : op.equals("gte") ? c >= 0 : op.equals("lt") ? c < 0 : c <= 0;
            }
        }
        boolean cased = mods.contains("cased");
        String wanted = asText(want);
        String regex = wildcardRegex(cased ? wanted : wanted.toLowerCase(Locale.ROOT));
        if (mods.contains("contains")) {
            regex = ".*" + regex + ".*";
        } else if (mods.contains("startswith")) {
            regex = regex + ".*";
        } else if (mods.contains("endswith")) {
            regex = ".*" + regex;
        }
        String r = regex;
        Pattern p = patterns.computeIfAbsent(r, k -> Pattern.compile(r, Pattern.DOTALL));
        return p.matcher(cased ? text : text.toLowerCase(Locale.ROOT)).matches();
    }

    /** Sigma wildcards to a regular expression, one character at a time. */
    static String wildcardRegex(String sigma) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < sigma.length(); i++) {
            char c = sigma.charAt(i);
            if (c == '\\'
                    && i + 1 < sigma.length()
                    && (sigma.charAt(i + 1) == '*'
                            || sigma.charAt(i + 1) == '?'
                            || sigma.charAt(i + 1) == '\\')) {
                i++;
                re.append(Pattern.quote(String.valueOf(sigma.charAt(i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** The text a value compares as: numbers in plain decimal, booleans true or false. */
    static String asText(Object v) {
        if (v instanceof Double d) {
            return new java.math.BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    /** A number in plain decimal notation (an optional sign, digits, an optional fraction). */
    static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && DECIMAL.matcher(s).matches()) {
            return Double.valueOf(s);
        }
        return null;
    }

    private static boolean inNetwork(String cidr, String address) {
        int slash = cidr.indexOf('/');
        byte[] net = ip(slash < 0 ? cidr : cidr.substring(0, slash));
        byte[] addr = ip(address);
        if (net == null || addr == null || net.length != addr.length) {
            return false;
        }
        int bits = slash < 0 ? net.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        BigInteger n = new BigInteger(1, net).shiftRight(net.length * 8 - bits);
        BigInteger a = new BigInteger(1, addr).shiftRight(addr.length * 8 - bits);
        return n.equals(a);
    }

    /** An IPv4 dotted quad or an IPv6 literal; anything else is no address. */
    private static byte[] ip(String s) {
        if (s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            byte[] out = new byte[4];
            String[] parts = s.split("\\.");
            for (int i = 0; i < 4; i++) {
                int b = Integer.parseInt(parts[i]);
                if (b > 255) {
                    return null;
                }
                out[i] = (byte) b;
            }
            return out;
        }
        if (s.contains(":") && s.matches("[0-9a-fA-F:]+")) {
            try {
                return InetAddress.getByName(s).getAddress(); // a literal: no lookup
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** The values at a dotted path of the JSON, fanning out over arrays. */
    private static void walk(JsonNode node, String[] path, int from, List<Object> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, path, from, out);
            }
            return;
        }
        if (from == path.length) {
            out.add(
                    node.isNull()
                            ? null
                            : node.isTextual()
                                    ? node.textValue()
                                    : node.isBoolean()
                                            ? (Object) node.booleanValue()
                                            : node.isIntegralNumber()
                                                    ? (Object) node.longValue()
                                                    : node.isNumber()
                                                            ? (Object) node.doubleValue()
                                                            : node.toString());
            return;
        }
        if (node.isObject()) {
            walk(node.get(path[from]), path, from + 1, out);
        }
    }
}
