package io.trailwatch.detect.sigma;

import io.trailwatch.ownership.Cidr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles one entry of a selection, {@code field|modifier|...: value or list}, into a {@link
 * FieldMatcher}. Modifiers as the Sigma specification defines them; the ones Trailwatch does not
 * evaluate are refused by name.
 */
final class FieldConditions {
    private static final Set<String> TYPES =
            Set.of(
                    "contains",
                    "startswith",
                    "endswith",
                    "re",
                    "cidr",
                    "gt",
                    "gte",
                    "lt",
                    "lte",
                    "exists",
                    "fieldref",
                    "neq");
    private static final Set<String> FLAGS = Set.of("all", "cased", "i", "m", "s");
    private static final Set<String> ENCODINGS = Set.of("base64", "base64offset");
    private static final Set<String> KNOWN_UNSUPPORTED =
            Set.of(
                    "windash", "wide", "utf16", "utf16le", "utf16be", "expand", "minute", "hour",
                    "day", "week", "month", "year");

    private FieldConditions() {}

    /** The field name and modifiers of a selection key. */
    record Key(String field, List<String> modifiers) {
        static Key parse(String key) {
            String[] parts = key.split("\\|", -1);
            List<String> mods = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                mods.add(parts[i].toLowerCase(Locale.ROOT));
            }
            return new Key(parts[0], mods);
        }
    }

    static Matcher compile(LogSource source, String key, List<Object> expected)
            throws UnsupportedConstructException {
        Key k = Key.parse(key);
        if (k.field.isEmpty()) {
            throw new UnsupportedConstructException(
                    "'" + key + "': a selection key without a field name");
        }
        FieldAccess field = source.field(k.field);
        String type = null;
        String encoding = null;
        Set<String> flags = new LinkedHashSet<>();
        for (String m : k.modifiers) {
            if (TYPES.contains(m)) {
                if (type != null
                        && !(isTextType(type) && m.equals("neq"))
                        && !(isTextType(m) && type.equals("neq"))
                        && !(isTextType(m) && type.equals("fieldref"))
                        && !(m.equals("fieldref") && isTextType(type))) {
                    throw new UnsupportedConstructException(
                            "modifiers '" + type + "' and '" + m + "' together in '" + key + "'");
                }
                type = combine(type, m);
            } else if (FLAGS.contains(m)) {
                flags.add(m);
            } else if (ENCODINGS.contains(m)) {
                encoding = m;
            } else if (KNOWN_UNSUPPORTED.contains(m)) {
                throw new UnsupportedConstructException(
                        "modifier '" + m + "' (in '" + key + "') is not supported");
            } else {
                throw new UnsupportedConstructException(
                        "'" + m + "' (in '" + key + "') is not a Sigma modifier");
            }
        }
        if ((flags.contains("i") || flags.contains("m") || flags.contains("s"))
                && !"re".equals(type)) {
            throw new UnsupportedConstructException(
                    "modifiers i, m and s go with re only ('" + key + "')");
        }
        if (flags.contains("cased")
                && type != null
                && List.of("re", "cidr", "gt", "gte", "lt", "lte", "exists").contains(type)) {
            throw new UnsupportedConstructException(
                    "modifier cased does not go with " + type + " ('" + key + "')");
        }
        if (expected.isEmpty()) {
            throw new UnsupportedConstructException("'" + key + "' has an empty list of values");
        }
        boolean all = flags.contains("all");
        boolean cased = flags.contains("cased") || encoding != null;
        List<ValueTest> tests = new ArrayList<>();
        String base = type == null ? "" : type.replace("neq+", "").replace("+neq", "");
        boolean negated = type != null && type.contains("neq");
        if (base.equals("neq")) {
            base = "";
        }
        if (base.equals("exists")) {
            if (expected.size() != 1 || !(expected.get(0) instanceof Boolean)) {
                throw new UnsupportedConstructException("'" + key + "' takes true or false");
            }
            boolean want = (Boolean) expected.get(0);
            return new FieldMatcher(field, List.of((values, r) -> present(values) == want), false);
        }
        for (Object value : expected) {
            for (Object v : encode(encoding, value, key)) {
                tests.add(test(source, base, flags, cased, v, key));
            }
        }
        if (encoding != null && encoding.equals("base64offset") && all) {
            throw new UnsupportedConstructException(
                    "'" + key + "': base64offset with all is not supported");
        }
        if (negated) {
            List<ValueTest> positive = List.copyOf(tests);
            boolean positiveAll = all;
            ValueTest none =
                    (values, r) -> {
                        for (ValueTest t : positive) {
                            boolean ok = t.test(values, r);
                            if (ok != positiveAll) {
                                return !ok;
                            }
                        }
                        return !positiveAll;
                    };
            return new FieldMatcher(field, List.of(none), false);
        }
        return new FieldMatcher(field, tests, all);
    }

    private static boolean isTextType(String t) {
        return t.equals("contains") || t.equals("startswith") || t.equals("endswith");
    }

    private static String combine(String type, String m) {
        if (type == null) {
            return m;
        }
        if (type.equals("neq") || m.equals("neq")) {
            return (type.equals("neq") ? m : type) + "+neq";
        }
        return type.equals("fieldref") ? m + "+fieldref" : type + "+fieldref";
    }

    private static boolean present(List<Object> values) {
        for (Object v : values) {
            if (v != null) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> encode(String encoding, Object value, String key)
            throws UnsupportedConstructException {
        if (encoding == null) {
            return java.util.Collections.singletonList(value);
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new UnsupportedConstructException("'" + key + "' encodes text values only");
        }
        byte[] bytes = Values.text(value).getBytes(StandardCharsets.UTF_8);
        if (encoding.equals("base64")) {
            return List.of(TextPattern.escape(Base64.getEncoder().encodeToString(bytes)));
        }
        return new ArrayList<>(Base64Offsets.of(bytes).stream().map(TextPattern::escape).toList());
    }

    private static ValueTest test(
            LogSource source, String type, Set<String> flags, boolean cased, Object v, String key)
            throws UnsupportedConstructException {
        if (type.endsWith("fieldref")) {
            String shape = type.equals("fieldref") ? "" : type.substring(0, type.indexOf('+'));
            if (!(v instanceof String name)) {
                throw new UnsupportedConstructException("'" + key + "' names fields as text");
            }
            FieldAccess other = source.field(name);
            return (values, r) -> {
                List<Object> others = new ArrayList<>(1);
                other.values(r, others);
                for (Object o : others) {
                    if (o == null) {
                        continue;
                    }
                    TextPattern p =
                            TextPattern.of(wrap(shape, TextPattern.escape(Values.text(o))), cased);
                    for (Object x : values) {
                        if (x != null && p.matches(Values.text(x))) {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
        switch (type) {
            case "re":
                return regex(flags, v, key);
            case "cidr":
                return cidr(v, key);
            case "gt":
            case "gte":
            case "lt":
            case "lte":
                return compare(type, v, key);
            default:
                if (v == null) {
                    if (!type.isEmpty()) {
                        throw new UnsupportedConstructException(
                                "'" + key + "': null goes with no modifier");
                    }
                    return (values, r) -> values.isEmpty() || values.contains(null);
                }
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw new UnsupportedConstructException(
                            "'" + key + "' has a value that is not plain");
                }
                TextPattern p = TextPattern.of(wrap(type, Values.text(v)), cased);
                Long whole =
                        type.isEmpty()
                                ? Values.canonicalLong(TextPattern.plain(Values.text(v)))
                                : null;
                if (whole != null) {
                    // a whole number against a record's integer: the same answer as comparing their
                    // text, without making the text
                    long n = whole;
                    return ValueTest.anyValue(
                            x ->
                                    x instanceof Integer || x instanceof Long
                                            ? ((Number) x).longValue() == n
                                            : p.matches(Values.text(x)));
                }
                return ValueTest.anyValue(x -> p.matches(Values.text(x)));
        }
    }

    static String wrap(String type, String value) {
        switch (type) {
            case "contains":
                return "*" + beforeStar(value) + "*";
            case "startswith":
                return beforeStar(value) + "*";
            case "endswith":
                return "*" + value;
            default:
                return value;
        }
    }

    /**
     * The value ready for a wildcard after it: a lone backslash at its end is a literal backslash,
     * and must not escape the star appended to it, so it is doubled (written as an escape).
     */
    private static String beforeStar(String value) {
        int i = 0;
        boolean lone = false;
        while (i < value.length()) {
            lone = value.charAt(i) == '\\' && i + 1 == value.length();
            i +=
                    value.charAt(i) == '\\'
                                    && i + 1 < value.length()
                                    && "*?\\".indexOf(value.charAt(i + 1)) >= 0
                            ? 2
                            : 1;
        }
        return lone ? value + "\\" : value;
    }

    private static ValueTest regex(Set<String> flags, Object v, String key)
            throws UnsupportedConstructException {
        if (!(v instanceof String s)) {
            throw new UnsupportedConstructException("'" + key + "' takes a regular expression");
        }
        int f = 0;
        if (flags.contains("i")) {
            f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (flags.contains("m")) {
            f |= Pattern.MULTILINE;
        }
        if (flags.contains("s")) {
            f |= Pattern.DOTALL;
        }
        Pattern p;
        try {
            p = Pattern.compile(s, f);
        } catch (PatternSyntaxException e) {
            throw new UnsupportedConstructException(
                    "'" + key + "': not a valid regular expression: " + e.getDescription());
        }
        return ValueTest.anyValue(x -> p.matcher(Values.text(x)).find());
    }

    private static ValueTest cidr(Object v, String key) throws UnsupportedConstructException {
        Cidr c = v instanceof String s ? Cidr.parse(s.trim()) : null;
        if (c == null) {
            throw new UnsupportedConstructException(
                    "'" + key + "': '" + v + "' is not an IPv4 or IPv6 network");
        }
        return ValueTest.anyValue(x -> x instanceof String s && c.contains(s));
    }

    private static ValueTest compare(String type, Object v, String key)
            throws UnsupportedConstructException {
        Double limit = v instanceof Boolean ? null : Values.number(v);
        if (limit == null) {
            throw new UnsupportedConstructException(
                    "'" + key + "' takes a number, not '" + v + "'");
        }
        double l = limit;
        return ValueTest.anyValue(
                x -> {
                    Double d = x instanceof Boolean ? null : Values.number(x);
                    if (d == null) {
                        return false;
                    }
                    switch (type) {
                        case "gt":
                            return d > l;
                        case "gte":
                            return d >= l;
                        case "lt":
                            return d < l;
                        default:
                            return d <= l;
                    }
                });
    }
}
