package io.trailwatch.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic alert ids: a hash of the rule and the values that identify one finding (an event
 * id, or a key and window start). The same input gives the same id on every run, restart and
 * parallelism, so repeats are recognisable downstream.
 */
public final class AlertIds {
    private AlertIds() {}

    /**
     * The id of the follow-up that folds the repeats of {@code firstAlertId} together: derived from
     * the first alert's id, so it is as deterministic as that one.
     */
    public static String followUp(String ruleId, String firstAlertId) {
        return of(ruleId, "follow-up", firstAlertId);
    }

    public static String of(String ruleId, String... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(ruleId.getBytes(StandardCharsets.UTF_8));
        for (String part : parts) {
            sha.update((byte) 0x1f);
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        }
        return "tw-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
