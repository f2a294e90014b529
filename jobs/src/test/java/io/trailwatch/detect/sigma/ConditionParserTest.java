package io.trailwatch.detect.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionParserTest {
    private static Condition ref(String id) {
        return new Condition.Ref(id);
    }

    private static Condition and(Condition... parts) {
        return new Condition.And(List.of(parts));
    }

    private static Condition or(Condition... parts) {
        return new Condition.Or(List.of(parts));
    }

    private static Condition not(Condition part) {
        return new Condition.Not(part);
    }

    private static Condition parse(String text) throws UnsupportedConstructException {
        return ConditionParser.parse(text);
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() throws Exception {
        assertThat(parse("a or b and not c")).isEqualTo(or(ref("a"), and(ref("b"), not(ref("c")))));
        assertThat(parse("not a and b")).isEqualTo(and(not(ref("a")), ref("b")));
        assertThat(parse("a and b or c and d"))
                .isEqualTo(or(and(ref("a"), ref("b")), and(ref("c"), ref("d"))));
        assertThat(parse("not not a")).isEqualTo(not(not(ref("a"))));
        assertThat(parse("a or b or c")).isEqualTo(or(ref("a"), ref("b"), ref("c")));
    }

    @Test
    void parenthesesGroup() throws Exception {
        assertThat(parse("(a or b) and c")).isEqualTo(and(or(ref("a"), ref("b")), ref("c")));
        assertThat(parse("not (a or b)")).isEqualTo(not(or(ref("a"), ref("b"))));
        assertThat(parse("((a))")).isEqualTo(ref("a"));
        assertThat(parse("a and(b or c)")).isEqualTo(and(ref("a"), or(ref("b"), ref("c"))));
    }

    @Test
    void keywordsAreCaseInsensitive() throws Exception {
        assertThat(parse("a AND NOT b Or c")).isEqualTo(or(and(ref("a"), not(ref("b"))), ref("c")));
    }

    @Test
    void quantifiers() throws Exception {
        assertThat(parse("1 of sel*")).isEqualTo(new Condition.Quantified(1, "sel*"));
        assertThat(parse("any of sel*")).isEqualTo(new Condition.Quantified(1, "sel*"));
        assertThat(parse("all of them")).isEqualTo(new Condition.Quantified(0, "them"));
        assertThat(parse("2 of filter_*")).isEqualTo(new Condition.Quantified(2, "filter_*"));
        assertThat(parse("1 of sel* and not all of filter*"))
                .isEqualTo(
                        and(
                                new Condition.Quantified(1, "sel*"),
                                not(new Condition.Quantified(0, "filter*"))));
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("(a or b"))
                .isInstanceOf(UnsupportedConstructException.class)
                .hasMessageContaining("'(' is not closed")
                .hasMessageContaining("(a or b");
        assertThatThrownBy(() -> parse("a)"))
                .hasMessageContaining("')' where the condition should end");
        assertThatThrownBy(() -> parse("a b"))
                .hasMessageContaining("'b' where the condition should end");
        assertThatThrownBy(() -> parse("a and")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> parse("and a"))
                .hasMessageContaining("'and' where a selection name should be");
        assertThatThrownBy(() -> parse("()"))
                .hasMessageContaining("')' where a selection name should be");
        assertThatThrownBy(() -> parse("   ")).hasMessageContaining("the condition is empty");
        assertThatThrownBy(() -> parse("0 of sel*")).hasMessageContaining("'0 of' is never true");
        assertThatThrownBy(() -> parse("some of sel*"))
                .hasMessageContaining("write 1 of, N of or all of");
        assertThatThrownBy(() -> parse("1 of")).hasMessageContaining("names nothing");
        assertThatThrownBy(() -> parse("1 of (a)"))
                .hasMessageContaining("name a selection pattern or them");
    }

    @Test
    void aggregationsAreRefused() {
        assertThatThrownBy(() -> parse("selection | count() > 5"))
                .isInstanceOf(UnsupportedConstructException.class)
                .hasMessageContaining("aggregations")
                .hasMessageContaining("correlation rule");
        assertThatThrownBy(() -> parse("sel|count(userName) by sourceIPAddress > 3"))
                .hasMessageContaining("aggregations");
    }
}
