package io.trailwatch.detect.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The test cases of one rule file. For a rule file {@code NAME.yml} (or {@code NAME.yaml}) they are
 * in the sibling file {@code NAME.tests.yml} (or {@code NAME.tests.yaml}), which rule directories
 * may hold since {@link RuleFileReader} never reads such files as rules:
 *
 * <pre>{@code
 * cases:
 *   - name: SSH opened to the world      # required, unique in the file
 *     rule: ssh-to-world                 # id or name of a rule or correlation of NAME.yml;
 *                                        # optional when NAME.yml holds exactly one
 *     expect: match                      # or: no match
 *     owner: {team: payments, environment: prod}   # optional
 *     event: {eventVersion: '1.10', eventName: ..., ...}
 * }</pre>
 *
 * <ul>
 *   <li>{@code expect}: {@code match} when the rule must match at least one of the records, {@code
 *       no match} when it must match none. For a correlation, {@code match} means it alerts at
 *       least once over the records (in event-time order), {@code no match} that it never does.
 *   <li>{@code rule}: besides the rules and correlations of {@code NAME.yml}, the id of a stateless
 *       built-in rule, to test the filters {@code NAME.yml} puts on it.
 *   <li>{@code owner}: the columns of the ownership row every record matched, as rules read them
 *       ({@code owner.<column>}): {@code team}, {@code environment}, {@code contact}, {@code
 *       match}, {@code trusted_cidrs} (a list) and any other column. Without it the records are
 *       unowned ({@code owner.team} is {@code unowned}).
 *   <li>The records: {@code event}, one CloudTrail record as a map of CloudTrail's JSON fields, or
 *       {@code events}, a list of them; and/or {@code flow}, one VPC flow log line, or {@code
 *       flows}, a list of them (a correlation may read both kinds). They are run in event-time
 *       order, whatever their order in the case. Flow lines are in the default version 2 format
 *       unless {@code flow-format} gives the field names of the file's header line ({@code version
 *       account-id ...}). Quote values that CloudTrail writes as strings but YAML would read as
 *       numbers or booleans ({@code accountId: '123456789012'}).
 * </ul>
 *
 * Records are decoded by the production decoder, so a record it refuses fails its case with the
 * decoder's reason. Every rule and correlation of {@code NAME.yml} needs a case that expects it to
 * match; a rule only correlations read ({@code generate: false}) is tested as if it alerted.
 */
public final class RuleTestFile {
    static final String MATCH = "match";
    static final String NO_MATCH = "no match";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CASE_KEYS =
            Set.of(
                    "name",
                    "rule",
                    "expect",
                    "owner",
                    "event",
                    "events",
                    "flow",
                    "flows",
                    "flow-format");
    private static final List<String> RECORD_KEYS = List.of("event", "events", "flow", "flows");

    private final String name;
    private final List<RuleTestCase> cases;

    private RuleTestFile(String name, List<RuleTestCase> cases) {
        this.name = name;
        this.cases = List.copyOf(cases);
    }

    /** The tests file's name, as given to {@link #parse}. */
    public String name() {
        return name;
    }

    public List<RuleTestCase> cases() {
        return cases;
    }

    /** The name of the tests file of a rule file. */
    public static String siblingOf(String ruleFile) {
        String lower = ruleFile.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml")) {
            return ruleFile.substring(0, ruleFile.length() - 5) + ".tests.yaml";
        }
        if (lower.endsWith(".yml")) {
            return ruleFile.substring(0, ruleFile.length() - 4) + ".tests.yml";
        }
        return ruleFile + ".tests.yml";
    }

    /** Whether a file's name is that of a tests file. */
    public static boolean isTestsFile(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tests.yml") || lower.endsWith(".tests.yaml");
    }

    /** Reads the cases of a tests file; the first flaw found is an error naming its line. */
    public static RuleTestFile parse(String name, String text) throws RuleFileException {
        List<YamlNode> docs = YamlReader.documents(name, text);
        if (docs.size() != 1 || !(docs.get(0) instanceof YamlNode.Mapping top)) {
            throw new RuleFileException(
                    docs.isEmpty() ? 0 : docs.get(0).line(),
                    "a tests file is one map with a list of cases");
        }
        for (Map.Entry<String, YamlNode> e : top.entries().entrySet()) {
            if (!e.getKey().equals("cases")) {
                throw new RuleFileException(
                        e.getValue().line(),
                        "'" + e.getKey() + "' is not a key of a tests file (it has cases only)");
            }
        }
        if (!(top.get("cases") instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            throw new RuleFileException(top.line(), "cases must be a list of at least one case");
        }
        List<RuleTestCase> cases = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlNode item : seq.items()) {
            RuleTestCase c = testCase(item);
            if (!names.add(c.name())) {
                throw new RuleFileException(
                        c.line(), "case name '" + c.name() + "' appears twice in the file");
            }
            cases.add(c);
        }
        return new RuleTestFile(name, cases);
    }

    private static RuleTestCase testCase(YamlNode node) throws RuleFileException {
        if (!(node instanceof YamlNode.Mapping c)) {
            throw new RuleFileException(node.line(), "a case must be a map");
        }
        for (Map.Entry<String, YamlNode> e : c.entries().entrySet()) {
            if (!CASE_KEYS.contains(e.getKey())) {
                throw new RuleFileException(
                        e.getValue().line(),
                        "'"
                                + e.getKey()
                                + "' is not a key of a case (name, rule, expect, owner, event,"
                                + " events, flow, flows, flow-format)");
            }
        }
        String name = Documents.required(c, "name", "the case");
        String rule = Documents.text(c, "rule");
        String expect = Documents.text(c, "expect");
        boolean expectMatch;
        if (expect != null && expect.strip().equalsIgnoreCase(MATCH)) {
            expectMatch = true;
        } else if (expect != null
                && expect.strip().replaceAll("\\s+", " ").equalsIgnoreCase(NO_MATCH)) {
            expectMatch = false;
        } else {
            throw new RuleFileException(
                    c.get("expect") != null ? c.get("expect").line() : c.line(),
                    "case '" + name + "': expect must be 'match' or 'no match'");
        }
        List<String> given = RECORD_KEYS.stream().filter(k -> c.get(k) != null).toList();
        if (given.isEmpty()
                || (given.contains("event") && given.contains("events"))
                || (given.contains("flow") && given.contains("flows"))) {
            throw new RuleFileException(
                    c.line(),
                    "case '"
                            + name
                            + "' must give its records with event or events, flow or flows, or"
                            + " both kinds"
                            + (given.isEmpty()
                                    ? ""
                                    : " (it gives " + String.join(", ", given) + ")"));
        }
        String flowFormat = Documents.text(c, "flow-format");
        if (flowFormat != null && !given.contains("flow") && !given.contains("flows")) {
            throw new RuleFileException(
                    c.get("flow-format").line(), "flow-format goes with flow or flows");
        }
        List<RuleTestCase.Input> records = new ArrayList<>();
        for (String key : given) {
            YamlNode value = c.get(key);
            if (key.equals("event")) {
                records.add(event(value));
            } else if (key.equals("flow")) {
                records.add(flow(value, flowFormat));
            } else {
                if (!(value instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
                    throw new RuleFileException(
                            value.line(), key + " must be a list of at least one record");
                }
                for (YamlNode r : list.items()) {
                    records.add(key.equals("events") ? event(r) : flow(r, flowFormat));
                }
            }
        }
        return new RuleTestCase(name, rule, expectMatch, owner(c.get("owner")), records, c.line());
    }

    private static RuleTestCase.Input event(YamlNode node) throws RuleFileException {
        if (!(node instanceof YamlNode.Mapping)) {
            throw new RuleFileException(
                    node.line(), "a CloudTrail record must be a map of its JSON fields");
        }
        return new RuleTestCase.Input(
                RuleTestCase.Kind.CLOUDTRAIL, json(node).toString(), null, node.line());
    }

    private static RuleTestCase.Input flow(YamlNode node, String format) throws RuleFileException {
        if (!(node instanceof YamlNode.Scalar s) || s.value() == null) {
            throw new RuleFileException(node.line(), "a flow record must be one flow log line");
        }
        return new RuleTestCase.Input(RuleTestCase.Kind.FLOW, s.text(), format, node.line());
    }

    /** The JSON a YAML node stands for; numbers keep their text (1.10 stays 1.10). */
    static JsonNode json(YamlNode node) {
        JsonNodeFactory f = JSON.getNodeFactory();
        if (node instanceof YamlNode.Mapping m) {
            ObjectNode o = f.objectNode();
            m.entries().forEach((k, v) -> o.set(k, json(v)));
            return o;
        }
        if (node instanceof YamlNode.Sequence s) {
            ArrayNode a = f.arrayNode();
            s.items().forEach(i -> a.add(json(i)));
            return a;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        Object v = s.value();
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof Long || v instanceof Double) {
            try {
                return f.numberNode(new BigDecimal(s.text()));
            } catch (NumberFormatException e) {
                return v instanceof Long l ? f.numberNode(l) : f.numberNode((Double) v);
            }
        }
        return f.textNode(s.text());
    }

    private static Owner owner(YamlNode node) throws RuleFileException {
        if (node == null) {
            return Owner.unowned();
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            throw new RuleFileException(
                    node.line(), "owner must be a map of ownership columns and their values");
        }
        Owner o = new Owner(null, null, null, new String[0], null, new OwnerAttribute[0]);
        List<OwnerAttribute> extra = new ArrayList<>();
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            if (e.getKey().equals("trusted_cidrs")) {
                o.trustedCidrs = Documents.texts(m, "trusted_cidrs").toArray(new String[0]);
                continue;
            }
            String v = Documents.text(m, e.getKey());
            switch (e.getKey()) {
                case "team":
                    o.team = v;
                    break;
                case "environment":
                    o.environment = v;
                    break;
                case "contact":
                    o.contact = v;
                    break;
                case "match":
                    o.matchedBy = v;
                    break;
                default:
                    extra.add(new OwnerAttribute(e.getKey(), v));
            }
        }
        o.attributes = extra.toArray(new OwnerAttribute[0]);
        return o;
    }
}
