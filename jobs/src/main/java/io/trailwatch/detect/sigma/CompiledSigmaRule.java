package io.trailwatch.detect.sigma;

import io.trailwatch.detect.RuleInfo;

/** What the registry entries of rule files' detection rules share: the compiled rule they run. */
abstract class CompiledSigmaRule implements SigmaRule {
    final SigmaDetection rule;

    CompiledSigmaRule(SigmaDetection rule) {
        this.rule = rule;
    }

    @Override
    public RuleInfo info() {
        return rule.info();
    }

    @Override
    public String file() {
        return rule.meta().where();
    }

    @Override
    public SigmaDetection detection() {
        return rule;
    }

    @Override
    public boolean matches(SigmaRecord record) {
        return rule.matches(record);
    }
}
