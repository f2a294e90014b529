package io.trailwatch.detect.sigma;

/** A compiled part of a rule's condition, judged against one record. */
@FunctionalInterface
public interface Matcher {
    boolean matches(SigmaRecord record);

    Matcher NEVER = r -> false;
}
