package io.trailwatch.detect.windowed;

import java.util.Locale;

/** Short forms of names for alert titles. */
final class Names {
    private Names() {}

    /** "assumed-role/etl-runner/ci-1234" for an ARN, the text itself otherwise. */
    static String shortPrincipal(String arn) {
        if (arn == null) {
            return "unknown";
        }
        if (!arn.startsWith("arn:")) {
            return arn;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 ? parts[5] : arn;
    }

    /** The role of an assumed-role ARN ("arn:…:assumed-role/ROLE/SESSION"), else {@code null}. */
    static String role(String arn) {
        if (arn == null || !arn.contains(":assumed-role/")) {
            return null;
        }
        String rest = arn.substring(arn.indexOf(":assumed-role/") + ":assumed-role/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Bytes as GiB/MiB with two decimals, for titles. */
    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
    }
}
