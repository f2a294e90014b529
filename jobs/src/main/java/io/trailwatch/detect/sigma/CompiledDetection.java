package io.trailwatch.detect.sigma;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's {@code detection} compiled: the matcher of its condition, the event names and sources
 * every match has (lower case; {@code null} when not pinned), what the index files it under, and
 * the fields it reads, for the evidence, and what a user should know (fields records never have),
 * and the calls it pins as written, for the catalog.
 */
record CompiledDetection(
        Matcher matcher,
        Set<String> names,
        Set<String> sources,
        List<String> fields,
        Map<String, Selection> selections,
        List<String> warnings,
        List<String> calls) {}
