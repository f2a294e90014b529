package io.trailwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A CloudWatch Logs filter pattern for JSON log events, as far as the template uses the syntax:
 * {@code { ($.field = "value") && ($.other = "*suffix") }}, where {@code *} in a value stands for
 * any text. A pattern outside that subset is refused rather than judged, so that a test cannot pass
 * on a pattern this class does not understand.
 */
final class JsonFilterPattern {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TERM =
            Pattern.compile(
                    "\\G\\s*(?:&&\\s*)?\\(?\\s*\\$\\.([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)\\s*=\\s*\"([^\"\\\\]*)\"\\s*\\)?\\s*");

    /** One {@code $.field = "value"} comparison. */
    record Term(String field, String value) {
        boolean matches(JsonNode event) {
            JsonNode n = event.at("/" + field.replace('.', '/'));
            return n.isTextual() && glob(value).matcher(n.asText()).matches();
        }
    }

    private final List<Term> terms;

    private JsonFilterPattern(List<Term> terms) {
        this.terms = terms;
    }

    static JsonFilterPattern parse(String pattern) {
        String p = pattern.strip();
        if (!p.startsWith("{") || !p.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON filter pattern: " + pattern);
        }
        String body = p.substring(1, p.length() - 1);
        Matcher m = TERM.matcher(body);
        List<Term> terms = new ArrayList<>();
        int end = 0;
        while (end < body.length() && m.find()) {
            if (terms.isEmpty() == m.group().stripLeading().startsWith("&&")) {
                throw new IllegalArgumentException("terms must be joined by &&: " + pattern);
            }
            terms.add(new Term(m.group(1), m.group(2)));
            end = m.end();
        }
        if (terms.isEmpty() || end != body.length()) {
            throw new IllegalArgumentException(
                    "outside the subset ($.field = \"value\" joined by &&): " + pattern);
        }
        return new JsonFilterPattern(List.copyOf(terms));
    }

    List<Term> terms() {
        return terms;
    }

    /** Whether CloudWatch Logs would count this log event: every term holds. */
    boolean matches(String jsonEvent) {
        JsonNode event;
        try {
            event = MAPPER.readTree(jsonEvent);
        } catch (Exception e) {
            return false;
        }
        return terms.stream().allMatch(t -> t.matches(event));
    }

    /** A value with {@code *} standing for any text, as CloudWatch Logs and IAM read them. */
    static Pattern glob(String value) {
        return Pattern.compile(
                Arrays.stream(value.split("\\*", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining(".*")),
                Pattern.DOTALL);
    }
}
