package io.trailwatch.detect;

import java.util.List;

/**
 * A source of built-in rules that are not a class each: the rule files shipped in the jar. Found on
 * the class path like the rule classes ({@code @AutoService(RuleProvider.class)}).
 */
public interface RuleProvider {
    /**
     * The rules, made once at start.
     *
     * @param classRules the rules declared as classes, which the provided rules may refer to
     */
    List<DetectionRule> rules(RuleRegistry classRules);
}
