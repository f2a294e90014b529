package io.trailwatch.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Sigma condition: identifiers, {@code and}, {@code or}, {@code not}, parentheses, {@code
 * 1 of X*}, {@code all of X*}, {@code 1 of them}, {@code all of them}. {@code not} binds tighter
 * than {@code and}, which binds tighter than {@code or}.
 */
final class ConditionParser {
    private final String text;
    private final List<String> tokens;
    private int at;

    private ConditionParser(String text) throws UnsupportedConstructException {
        this.text = text;
        this.tokens = tokenize(text);
    }

    static Condition parse(String text) throws UnsupportedConstructException {
        ConditionParser p = new ConditionParser(text);
        if (p.tokens.isEmpty()) {
            throw new UnsupportedConstructException("the condition is empty");
        }
        Condition c = p.or();
        if (p.at < p.tokens.size()) {
            throw p.error("'" + p.tokens.get(p.at) + "' where the condition should end");
        }
        return c;
    }

    private Condition or() throws UnsupportedConstructException {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (peek("or")) {
            at++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(List.copyOf(parts));
    }

    private Condition and() throws UnsupportedConstructException {
        List<Condition> parts = new ArrayList<>(List.of(not()));
        while (peek("and")) {
            at++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(List.copyOf(parts));
    }

    private Condition not() throws UnsupportedConstructException {
        if (peek("not")) {
            at++;
            return new Condition.Not(not());
        }
        return primary();
    }

    private Condition primary() throws UnsupportedConstructException {
        if (at >= tokens.size()) {
            throw error("the condition ends too early");
        }
        String t = tokens.get(at++);
        if (t.equals("(")) {
            Condition inner = or();
            if (!peek(")")) {
                throw error("a '(' is not closed");
            }
            at++;
            return inner;
        }
        if (t.equals(")") || isKeyword(t)) {
            throw error("'" + t + "' where a selection name should be");
        }
        if (peek("of")) {
            at++;
            if (at >= tokens.size()) {
                throw error("'" + t + " of' names nothing");
            }
            String target = tokens.get(at++);
            int count;
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("all")) {
                count = 0;
            } else if (lower.equals("any")) {
                count = 1;
            } else if (t.chars().allMatch(Character::isDigit) && t.length() < 4) {
                count = Integer.parseInt(t);
                if (count < 1) {
                    throw error("'0 of' is never true");
                }
            } else {
                throw error("'" + t + " of': write 1 of, N of or all of");
            }
            if (target.equals("(") || target.equals(")") || isKeyword(target)) {
                throw error("'" + t + " of " + target + "': name a selection pattern or them");
            }
            return new Condition.Quantified(count, target);
        }
        return new Condition.Ref(t);
    }

    private boolean peek(String word) {
        return at < tokens.size() && tokens.get(at).equalsIgnoreCase(word);
    }

    private static boolean isKeyword(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        return l.equals("and") || l.equals("or") || l.equals("not") || l.equals("of");
    }

    private UnsupportedConstructException error(String what) {
        return new UnsupportedConstructException("condition '" + text + "': " + what);
    }

    private static List<String> tokenize(String text) throws UnsupportedConstructException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '|') {
                throw new UnsupportedConstructException(
                        "condition '"
                                + text
                                + "': aggregations ('| count() ...') are Sigma 1.x; write a"
                                + " correlation rule instead");
            } else {
                int start = i;
                while (i < text.length()
                        && !Character.isWhitespace(text.charAt(i))
                        && "()|".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }
}
