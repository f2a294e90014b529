package io.trailwatch.detect.sigma;

/** A rule for logs Trailwatch does not read (Windows, Linux, other clouds): listed, not run. */
public record SkippedRule(String file, int line, String id, String title, String logsource) {}
