package io.trailwatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Slack webhook URL strictly before anything is posted to it, and shows it without its
 * secret: the path (and anything that is not plainly scheme, host and port) is never repeated.
 */
public final class WebhookUrls {
    /** Scheme, host and port, as far as they can be read plainly; the rest is the secret. */
    private static final Pattern SHOWABLE =
            Pattern.compile(
                    "^(https?://(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?)(?=[/?#]|$)",
                    Pattern.CASE_INSENSITIVE);

    private WebhookUrls() {}

    /**
     * Whether the value is meant as a URL at all (it names a scheme), rather than something else.
     */
    public static boolean looksLikeUrl(String value) {
        return value != null && value.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /**
     * What makes the value unusable as a webhook URL, ending with the URL {@link #redacted}; {@code
     * null} when it is usable: an absolute https URL with a host, a valid port if any, no user name
     * or password, only ASCII, and every %-escape two hex digits. Plain http is accepted only to
     * this machine (a local test server): elsewhere the secret would travel unencrypted.
     */
    public static String problem(String value) {
        String shown = redacted(value);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a valid URL: "
                    + e.getReason().toLowerCase(Locale.ROOT)
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
                    + " of "
                    + shown;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7e) {
                return "is not a valid URL: character "
                        + (i + 1)
                        + " is not ASCII (percent-encode it) in "
                        + shown;
            }
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "is not an https URL: " + shown;
        }
        if (uri.getHost() == null) {
            return "has no valid host name: " + shown;
        }
        if (uri.getRawUserInfo() != null) {
            return "has a user name or password before the host: " + shown;
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            return "has port " + uri.getPort() + ", which is not a port: " + shown;
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "is plain http, which would send the secret unencrypted: use https (http is"
                    + " accepted only to 127.0.0.1, [::1] or localhost): "
                    + shown;
        }
        return null;
    }

    /** Scheme, host and port followed by {@code /…}; never the path, query or user name. */
    public static String redacted(String value) {
        Matcher m = value == null ? null : SHOWABLE.matcher(value.trim());
        if (m == null || !m.find()) {
            return "(the URL is not shown: it may be a secret)";
        }
        return m.group(1) + "/… (the rest is not shown: it is a secret)";
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]");
    }
}
