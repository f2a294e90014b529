package io.trailwatch.detect.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an IAM policy document (resource policy or trust policy) the way AWS evaluates who it lets
 * in: an Allow statement open to everyone ({@code "*"}, {@code {"AWS":"*"}}, a list holding {@code
 * "*"}) is public unless a condition restricts the caller to a network, an organization, an account
 * or a source.
 */
public final class PolicyDocument {
    /** Condition keys that, compared positively, narrow "everyone" to a known party or network. */
    private static final Set<String> RESTRICTING_KEYS =
            Set.of(
                    "aws:sourcevpce",
                    "aws:sourcevpc",
                    "aws:sourceip",
                    "aws:principalorgid",
                    "aws:principalorgpaths",
                    "aws:principalaccount",
                    "aws:principalarn",
                    "aws:sourceaccount",
                    "aws:sourcearn",
                    "aws:sourceowner",
                    "aws:sourceorgid",
                    "aws:sourceorgpaths",
                    "aws:userid",
                    "aws:username",
                    "kms:calleraccount",
                    "s3:dataaccesspointaccount",
                    "s3:dataaccesspointarn");

    private static final Set<String> POSITIVE_OPERATORS =
            Set.of(
                    "stringequals",
                    "stringequalsignorecase",
                    "stringlike",
                    "arnequals",
                    "arnlike",
                    "ipaddress");

    private static final Pattern ACCOUNT_IN_PRINCIPAL =
            Pattern.compile("^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\\d{12})(?::.*)?$");

    private final List<JsonNode> statements = new ArrayList<>();

    private PolicyDocument(JsonNode document) {
        JsonNode s = document.path("Statement");
        if (s.isArray()) {
            s.forEach(statements::add);
        } else if (s.isObject()) {
            statements.add(s);
        }
    }

    /** A policy given as an object or as JSON text (as SNS, SQS and KMS carry it). */
    public static PolicyDocument of(JsonNode policy) {
        return new PolicyDocument(EventView.document(policy));
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /** The Allow statements that let anyone in, without a restricting condition. */
    public List<JsonNode> publicStatements() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode st : statements) {
            if (isAllow(st) && opensToEveryone(st) && !isRestricted(st.path("Condition"))) {
                out.add(st);
            }
        }
        return out;
    }

    /** Account ids named as AWS principals of Allow statements (trust policies). */
    public Set<String> principalAccounts() {
        Set<String> accounts = new LinkedHashSet<>();
        for (JsonNode st : statements) {
            if (!isAllow(st)) {
                continue;
            }
            for (String p : values(st.path("Principal").path("AWS"))) {
                Matcher m = ACCOUNT_IN_PRINCIPAL.matcher(p);
                if (m.matches()) {
                    accounts.add(m.group(1));
                }
            }
        }
        return accounts;
    }

    /** Actions of a statement, as listed. */
    public static List<String> actions(JsonNode statement) {
        return values(statement.path("Action"));
    }

    private static boolean isAllow(JsonNode st) {
        return "Allow".equalsIgnoreCase(st.path("Effect").asText());
    }

    private static boolean opensToEveryone(JsonNode st) {
        if (st.has("NotPrincipal")) {
            // Allow with NotPrincipal lets in everyone but the few it names.
            return true;
        }
        JsonNode principal = st.path("Principal");
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        return values(principal.path("AWS")).contains("*")
                || values(principal.path("CanonicalUser")).contains("*");
    }

    private static boolean isRestricted(JsonNode condition) {
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> op = operators.next();
            String operator = op.getKey().toLowerCase(Locale.ROOT);
            operator = operator.replaceFirst("^for(any|all)value:", "");
            if (!POSITIVE_OPERATORS.contains(operator)) {
                // "…IfExists" passes when the key is absent; "Not…" lets in everyone else.
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                String name = key.getKey().toLowerCase(Locale.ROOT);
                List<String> vals = values(key.getValue());
                if (RESTRICTING_KEYS.contains(name)
                        && !vals.isEmpty()
                        && !opensAnyway(name, vals)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean opensAnyway(String key, List<String> values) {
        for (String v : values) {
            if (v.equals("*")) {
                return true;
            }
            if (key.equals("aws:sourceip") && (v.endsWith("/0"))) {
                return true;
            }
        }
        return false;
    }

    static List<String> values(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
