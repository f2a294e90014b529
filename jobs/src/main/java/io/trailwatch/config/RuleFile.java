package io.trailwatch.config;

import java.io.Serializable;

/**
 * A rule file's name (the path the user gave, or its place in the jar) and text. Rule files travel
 * to the job's operators as these and are compiled there, once per operator.
 */
public record RuleFile(String name, String text) implements Serializable {}
