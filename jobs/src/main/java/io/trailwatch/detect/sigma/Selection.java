package io.trailwatch.detect.sigma;

import java.util.List;
import java.util.Set;

/**
 * One search identifier of a rule's {@code detection}, compiled.
 *
 * @param names the event names every match has, lower case, or {@code null} when a match can have
 *     any
 * @param sources the same for event sources
 * @param fields the fields it reads, in the order the rule names them
 * @param calls the calls it pins, as written, for the catalog: {@code eventSource eventName} (or
 *     the name alone)
 */
record Selection(
        String identifier,
        Matcher matcher,
        Set<String> names,
        Set<String> sources,
        List<String> fields,
        List<String> calls) {}
