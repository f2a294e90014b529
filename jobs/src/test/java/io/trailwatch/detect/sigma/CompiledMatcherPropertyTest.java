package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.config.RuleFile;
import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random rules against random CloudTrail records: the compiled matcher ({@link SigmaRuleSet} →
 * {@link SigmaRule#matches}) must give the same answer as the plain {@link SigmaInterpreter} on
 * every pair. Run another seed with {@code -Dsigma.seed=N}.
 */
class CompiledMatcherPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RULES = 1_500;
    private static final int RECORDS = 100;

    // ---- what records hold; rules draw their values from the same alphabets

    private static final String[] NAMES = {
        "DeleteTrail",
        "StopLogging",
        "GetObject",
        "PutBucketPolicy",
        "AuthorizeSecurityGroupIngress",
        "ConsoleLogin",
        "deletetrail"
    };
    private static final String[] SOURCES = {
        "cloudtrail.amazonaws.com", "s3.amazonaws.com", "ec2.amazonaws.com", "signin.amazonaws.com"
    };
    private static final String[] IPS = {
        "10.1.2.3",
        "10.200.0.9",
        "192.168.1.1",
        "203.0.113.130",
        "2001:db8::5",
        "ec2.amazonaws.com",
        "AWS Internal"
    };
    private static final String[] AGENTS = {
        "aws-cli/2.15.0", "Boto3/1.34 Python", "console.amazonaws.com", "AWS Internal", "a*b",
                "x?y",
        "C:\\Tools\\run.exe", "Mozilla/5.0 (X11)", "", "ÉTÉ-agent", "line1\nline2", "ab\\"
    };
    private static final String[] ERRORS = {
        "AccessDenied", "accessdenied", "UnauthorizedOperation", ""
    };
    private static final String[] TYPES = {"IAMUser", "Root", "AssumedRole", "AWSService"};
    private static final String[] ARNS = {
        "arn:aws:iam::444455556666:user/dev",
        "arn:aws:iam::444455556666:root",
        "arn:aws:sts::111122223333:assumed-role/Admin/s"
    };
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "EU-WEST-1"};
    private static final Object[] BUCKETS = {
        "logs", "Logs", "5", "12", "a*b", 5L, 12.5, 5.0, "7d", true
    };
    private static final String[] CIDR_IPS = {
        "0.0.0.0/0", "10.0.0.0/8", "10.1.2.3", "192.168.1.1", "::/0"
    };

    private static final String CIDR_PATH =
            "requestParameters.ipPermissions.items.ipRanges.items.cidrIp";
    private static final String[] FIELDS = {
        "eventName",
        "eventSource",
        "sourceIPAddress",
        "userAgent",
        "errorCode",
        "userIdentity.type",
        "userIdentity.arn",
        "requestParameters.bucketName",
        CIDR_PATH,
        "readOnly",
        "awsRegion"
    };

    private static Object[] alphabet(String field) {
        switch (field) {
            case "eventName":
                return NAMES;
            case "eventSource":
                return SOURCES;
            case "sourceIPAddress":
                return IPS;
            case "userAgent":
                return AGENTS;
            case "errorCode":
                return ERRORS;
            case "userIdentity.type":
                return TYPES;
            case "userIdentity.arn":
                return ARNS;
            case "requestParameters.bucketName":
                return BUCKETS;
            case CIDR_PATH:
                return CIDR_IPS;
            case "readOnly":
                return new Object[] {true, false};
            default:
                return REGIONS;
        }
    }

    @Test
    void compiledMatcherAgreesWithThePlainInterpreter() throws Exception {
        long seed = Long.getLong("sigma.seed", 20261207L);
        Random random = new Random(seed);

        List<String> recordJson = new ArrayList<>();
        List<JsonNode> recordTrees = new ArrayList<>();
        List<SigmaRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String json = record(random).toString();
            recordJson.add(json);
            recordTrees.add(JSON.readTree(json));
            records.add(SigmaRecord.of(decode(json)));
        }

        List<String> ruleYaml = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<RuleFile> files = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String yaml = rule(random, id);
            ids.add(id);
            ruleYaml.add(yaml);
            files.add(new RuleFile("rule" + i + ".yml", yaml));
        }
        long started = System.nanoTime();
        SigmaRuleSet set = SigmaRuleSet.compile(files, RuleRegistry.builtIn());
        long compiledAt = System.nanoTime();
        if (!set.problems().isEmpty()) {
            RuleProblem p = set.problems().get(0);
            int i = Integer.parseInt(p.file().replaceAll("[^0-9]", ""));
            throw new AssertionError(
                    "seed " + seed + ": a valid rule was refused: " + p + "\n" + ruleYaml.get(i));
        }
        Map<String, SigmaRule> byId = new HashMap<>();
        for (SigmaRule r : set.rules()) {
            byId.put(r.info().id(), r);
        }
        assertThat(byId).hasSize(RULES);

        long trues = 0;
        long pairs = 0;
        for (int i = 0; i < RULES; i++) {
            YamlNode.Mapping doc =
                    (YamlNode.Mapping) YamlReader.documents("r", ruleYaml.get(i)).get(0);
            SigmaInterpreter interpreter = new SigmaInterpreter(doc);
            SigmaRule compiled = byId.get(ids.get(i));
            for (int j = 0; j < RECORDS; j++) {
                boolean expected = interpreter.matches(recordTrees.get(j));
                boolean actual = compiled.matches(records.get(j));
                if (expected != actual) {
                    throw new AssertionError(
                            String.format(
                                    "seed %d, rule %d, record %d: the interpreter says %s, the"
                                            + " compiled matcher %s%n--- rule%n%s--- record%n%s%n",
                                    seed,
                                    i,
                                    j,
                                    expected,
                                    actual,
                                    ruleYaml.get(i),
                                    recordJson.get(j)));
                }
                pairs++;
                if (actual) {
                    trues++;
                }
            }
        }
        double share = (double) trues / pairs;
        long done = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "CompiledMatcherPropertyTest: seed %d, %d rules x %d records = %d pairs, %.1f%%"
                        + " true; compiled in %d ms, compared in %d ms%n",
                seed,
                RULES,
                RECORDS,
                pairs,
                100 * share,
                (compiledAt - started) / 1_000_000,
                (done - compiledAt) / 1_000_000);
        assertThat(share).as("share of matching pairs").isBetween(0.10, 0.90);
    }

    // ---- records

    private static ObjectNode record(Random r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("eventVersion", "1.10");
        o.put("eventTime", "2026-10-14T10:20:05Z");
        o.put("eventID", new UUID(r.nextLong(), r.nextLong()).toString());
        o.put("eventSource", pick(r, SOURCES));
        o.put("eventName", pick(r, NAMES));
        optionalText(r, o, "awsRegion", REGIONS);
        optionalText(r, o, "sourceIPAddress", IPS);
        optionalText(r, o, "userAgent", AGENTS);
        if (r.nextBoolean()) {
            optionalText(r, o, "errorCode", ERRORS);
        }
        int ro = r.nextInt(5);
        if (ro < 2) {
            o.put("readOnly", ro == 0);
        } else if (ro == 2) {
            o.putNull("readOnly");
        }
        if (r.nextInt(10) > 0) {
            ObjectNode id = o.putObject("userIdentity");
            optionalText(r, id, "type", TYPES);
            optionalText(r, id, "arn", ARNS);
        }
        int rp = r.nextInt(6);
        if (rp == 0) {
            o.putNull("requestParameters");
        } else if (rp > 1) {
            ObjectNode req = o.putObject("requestParameters");
            if (r.nextInt(3) > 0) {
                put(req, "bucketName", r.nextInt(8) == 0 ? null : pick(r, BUCKETS));
            }
            if (r.nextBoolean()) {
                ArrayNode items = req.putObject("ipPermissions").putArray("items");
                for (int i = r.nextInt(3); i > 0; i--) {
                    ObjectNode perm = items.addObject();
                    perm.put("ipProtocol", "tcp");
                    ArrayNode ranges = perm.putObject("ipRanges").putArray("items");
                    for (int k = r.nextInt(4); k > 0; k--) {
                        ObjectNode range = ranges.addObject();
                        if (r.nextInt(8) > 0) {
                            put(range, "cidrIp", r.nextInt(8) == 0 ? null : pick(r, CIDR_IPS));
                        }
                    }
                }
            }
        }
        o.put("eventType", "AwsApiCall");
        o.put("recipientAccountId", "444455556666");
        return o;
    }

    /** Absent, JSON null or a value of the alphabet (mostly the last). */
    private static void optionalText(Random r, ObjectNode o, String name, Object[] values) {
        int k = r.nextInt(10);
        if (k == 0) {
            return;
        }
        put(o, name, k == 1 ? null : pick(r, values));
    }

    private static void put(ObjectNode o, String name, Object v) {
        if (v == null) {
            o.putNull(name);
        } else if (v instanceof String s) {
            o.put(name, s);
        } else if (v instanceof Long l) {
            o.put(name, l);
        } else if (v instanceof Double d) {
            o.put(name, d);
        } else {
            o.put(name, (Boolean) v);
        }
    }

    private static CloudTrailEvent decode(String json) {
        DecodedBatch decoded =
                new RecordDecoder()
                        .decode(
                                new RawRecord(
                                        "test",
                                        RawKind.JSON,
                                        json.getBytes(StandardCharsets.UTF_8),
                                        null));
        for (int i = 0; i < decoded.size(); i++) {
            if (decoded.kind(i) == DecodedBatch.Kind.CLOUDTRAIL) {
                return decoded.cloudTrail(i);
            }
        }
        throw new AssertionError("does not decode: " + json);
    }

    // ---- rules

    private static final String[] IDENTIFIERS = {
        "selection", "sel_a", "sel_b", "filter_x", "filter_y", "_aux", "main_x"
    };

    private static String rule(Random r, String id) {
        int n = 1 + r.nextInt(4);
        List<String> pool = new ArrayList<>(List.of(IDENTIFIERS));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(pool.remove(r.nextInt(pool.size())));
        }
        StringBuilder y = new StringBuilder();
        y.append("title: random\nid: ").append(id).append('\n');
        y.append("logsource:\n  product: aws\n  service: cloudtrail\ndetection:\n");
        for (String name : names) {
            y.append("  ").append(name).append(":\n");
            if (r.nextInt(8) == 0) {
                for (int k = 1 + r.nextInt(2); k > 0; k--) {
                    selectionMap(r, y, "    - ", "      ");
                }
            } else {
                selectionMap(r, y, "    ", "    ");
            }
        }
        if (r.nextInt(15) == 0) {
            y.append("  condition:\n");
            for (int k = 1 + r.nextInt(2); k > 0; k--) {
                y.append("    - ").append(yamlText(condition(r, names, 0))).append('\n');
            }
        } else {
            y.append("  condition: ").append(yamlText(condition(r, names, 0))).append('\n');
        }
        y.append("level: low\n");
        return y.toString();
    }

    private static void selectionMap(Random r, StringBuilder y, String first, String indent) {
        List<String> fields = new ArrayList<>(List.of(FIELDS));
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String field = fields.remove(r.nextInt(fields.size()));
            y.append(i == 0 ? first : indent);
            entry(r, y, field, indent);
        }
    }

    /** One {@code field|modifiers: values} line (or lines, for a list). */
    private static void entry(Random r, StringBuilder y, String field, String indent) {
        List<String> mods = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        int count = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
        int kind = r.nextInt(12);
        switch (kind) {
            case 0: // exists
                mods.add("exists");
                values.add(r.nextBoolean());
                count = 1;
                break;
            case 1: // re
                mods.add("re");
                if (r.nextInt(3) == 0) {
                    mods.add("i");
                }
                for (int i = 0; i < count; i++) {
                    values.add(regex(r, field));
                }
                break;
            case 2: // cidr
                mods.add("cidr");
                for (int i = 0; i < count; i++) {
                    values.add(
                            pick(
                                    r,
                                    new String[] {
                                        "10.0.0.0/8",
                                        "192.168.0.0/16",
                                        "0.0.0.0/0",
                                        "2001:db8::/32",
                                        "203.0.113.130",
                                        "10.1.2.0/24",
                                        "::/0"
                                    }));
                }
                break;
            case 3: // numbers
                mods.add(pick(r, new String[] {"gt", "lt", "gte", "lte"}));
                for (int i = 0; i < count; i++) {
                    values.add(pick(r, new Object[] {5L, 6L, 12L, 12.5, -1L, 0L, 7.0}));
                }
                break;
            default: // text: none, contains, startswith, endswith; cased; neq
                String type =
                        pick(r, new String[] {null, null, "contains", "startswith", "endswith"});
                if (type != null) {
                    mods.add(type);
                }
                if (r.nextInt(4) == 0) {
                    mods.add("cased");
                }
                if (r.nextInt(6) == 0) {
                    mods.add("neq");
                }
                for (int i = 0; i < count; i++) {
                    values.add(type == null && r.nextInt(15) == 0 ? null : textValue(r, field));
                }
        }
        if (count > 1 && !mods.contains("exists") && r.nextInt(3) == 0) {
            mods.add("all");
        }
        java.util.Collections.shuffle(mods, r);
        StringBuilder key = new StringBuilder(field);
        for (String m : mods) {
            key.append('|').append(r.nextInt(10) == 0 ? m.toUpperCase(Locale.ROOT) : m);
        }
        y.append(key).append(':');
        if (values.size() == 1 && r.nextInt(4) > 0) {
            y.append(' ').append(yaml(values.get(0))).append('\n');
        } else {
            y.append('\n');
            for (Object v : values) {
                y.append(indent).append("  - ").append(yaml(v)).append('\n');
            }
        }
    }

    /** A value from the field's alphabet, sometimes cut, re-cased, or given wildcards. */
    private static Object textValue(Random r, String field) {
        Object v = pick(r, alphabet(field));
        if (!(v instanceof String s)) {
            if (r.nextInt(3) == 0) {
                return SigmaInterpreter.asText(v); // the same as quoted text
            }
            return v;
        }
        switch (r.nextInt(8)) {
            case 0:
                return s.toUpperCase(Locale.ROOT);
            case 1: // a piece of it
                int a = s.isEmpty() ? 0 : r.nextInt(s.length());
                int b = a + (s.length() == a ? 0 : r.nextInt(s.length() - a + 1));
                return s.substring(a, b);
            case 2: // a wildcard in place of a character
                if (s.isEmpty()) {
                    return "*";
                }
                int at = r.nextInt(s.length());
                return s.substring(0, at) + (r.nextBoolean() ? "?" : "*") + s.substring(at + 1);
            case 3: // literal text escaped
                return TextPatternEscapes.escape(s);
            case 4:
                return r.nextBoolean() ? s + "*" : "*" + s.substring(s.length() / 2);
            default:
                return s;
        }
    }

    private static String regex(Random r, String field) {
        String[] common = {
            "^$", ".", "^a", "A", "\\d+", "(?i)aws", "s$", "\\*", "amazonaws\\.com$"
        };
        switch (field) {
            case "eventName":
                return pick(r, new String[] {"^Delete", "Trail$", "(?i)delete", "o.g", "Get|Put"});
            case "sourceIPAddress":
                return pick(r, new String[] {"^10\\.", "\\.1$", ":", "^[0-9.]+$"});
            case "userAgent":
                return pick(r, new String[] {"cli/2", "^line2$", "(?m)^line2$", "\\\\", "é", "É"});
            default:
                return pick(r, common);
        }
    }

    private static String condition(Random r, List<String> names, int depth) {
        StringBuilder sb = new StringBuilder(term(r, names, depth));
        for (int k = r.nextInt(depth == 0 ? 4 : 2); k > 0; k--) {
            sb.append(' ').append(keyword(r, r.nextBoolean() ? "and" : "or")).append(' ');
            sb.append(term(r, names, depth));
        }
        return sb.toString();
    }

    private static String term(Random r, List<String> names, int depth) {
        String prefix = r.nextInt(4) == 0 ? keyword(r, "not") + " " : "";
        int k = r.nextInt(10);
        if (k == 0 && depth < 2) {
            return prefix + "(" + condition(r, names, depth + 1) + ")";
        }
        if (k <= 2) {
            return prefix + quantified(r, names);
        }
        return prefix + pick(r, names.toArray(new String[0]));
    }

    private static String quantified(Random r, List<String> names) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String n : names) {
            if (!n.startsWith("_")) {
                patterns.add("them");
            }
            patterns.add(n.substring(0, 1 + n.length() / 2) + "*");
            patterns.add("*" + n.substring(n.length() - 2));
            patterns.add(n.substring(0, n.length() - 1) + "?");
        }
        String pattern = pick(r, patterns.toArray(new String[0]));
        int named = 0;
        for (String n : names) {
            boolean in =
                    pattern.equals("them")
                            ? !n.startsWith("_")
                            : n.matches(SigmaInterpreter.wildcardRegex(pattern));
            named += in ? 1 : 0;
        }
        String q =
                switch (r.nextInt(4)) {
                    case 0 -> "all";
                    case 1 -> "any";
                    case 2 -> String.valueOf(1 + r.nextInt(named));
                    default -> "1";
                };
        return q + " of " + pattern;
    }

    private static String keyword(Random r, String word) {
        return r.nextInt(8) == 0 ? word.toUpperCase(Locale.ROOT) : word;
    }

    // ---- YAML text

    private static String yaml(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return yamlText(s);
        }
        return SigmaInterpreter.asText(v).equals("7") && v instanceof Double ? "7.0" : v.toString();
    }

    /** A double-quoted YAML scalar. */
    private static String yamlText(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Literal text with Sigma's wildcard characters escaped, written out here on its own. */
    private static final class TextPatternEscapes {
        static String escape(String s) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '*' || c == '?' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            return sb.toString();
        }
    }
}
