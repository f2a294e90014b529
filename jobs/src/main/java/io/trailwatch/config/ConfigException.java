package io.trailwatch.config;

/** A setting or configuration file that cannot be used; the message says which and why. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
