package io.trailwatch.alert.sink.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.sink.AwsCredentials;
import io.trailwatch.config.SlackSettings;
import io.trailwatch.config.SlackWebhook;
import io.trailwatch.config.WebhookUrls;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerAsyncClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerAsyncClientBuilder;

/**
 * The URLs behind the configured webhook keys, read from the configuration or from AWS Secrets
 * Manager. URLs are secrets: they stay in here, and every error text leaving the Slack sink goes
 * through {@link #redact}. A secret that cannot be read is tried again every minute (see {@link
 * #retryUnavailable}), so fixing its permissions needs no restart.
 */
final class WebhookDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANY_URL = Pattern.compile("(?i)https?://\\S+");
    static final long RETRY_UNAVAILABLE_EVERY_MILLIS = 60_000;

    private final SlackSettings settings;
    private final Map<String, URI> urls = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private SecretsManagerAsyncClient secrets;

    WebhookDirectory(SlackSettings settings) {
        this.settings = settings;
    }

    /** Thrown when a webhook key has no usable URL. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * Reads every configured webhook's URL, secrets included: once, when the writer starts, so that
     * sending never waits for Secrets Manager.
     */
    void resolveAll() {
        for (SlackWebhook w : settings.webhooks) {
            resolve(w.channel);
        }
    }

    /** Tries again the webhooks whose URL could not be read (a secret fixed meanwhile). */
    void retryUnavailable() {
        for (String key : unavailable()) {
            resolve(key);
        }
    }

    private synchronized java.util.List<String> unavailable() {
        return java.util.List.copyOf(problems.keySet());
    }

    private void resolve(String key) {
        try {
            URI url = lookUp(key);
            synchronized (this) {
                urls.put(key, url);
                problems.remove(key);
            }
        } catch (Unavailable e) {
            boolean changed;
            synchronized (this) {
                changed = !e.getMessage().equals(problems.put(key, e.getMessage()));
            }
            if (changed) {
                LOG.error("Slack webhook {} is unavailable: {}", key, e.getMessage());
            }
        }
    }

    /** The URL of a webhook key, without waiting for anything. */
    synchronized URI url(String key) throws Unavailable {
        URI known = urls.get(key);
        if (known != null) {
            return known;
        }
        String problem = problems.get(key);
        throw new Unavailable(problem != null ? problem : "no webhook is configured for " + key);
    }

    private URI lookUp(String key) throws Unavailable {
        SlackWebhook webhook = settings.webhook(key);
        if (webhook == null) {
            throw new Unavailable("no webhook is configured for " + key);
        }
        String url = webhook.url;
        if (url == null) {
            url = fromSecret(webhook.secretId);
        }
        String text = url.trim();
        // A URL given in the configuration was checked when it was read; one from a secret is
        // checked here, the same way, and fixing the secret needs no restart.
        String wrong = WebhookUrls.problem(text);
        if (wrong != null) {
            throw new Unavailable(
                    "the webhook URL "
                            + (webhook.secretId != null
                                    ? "in secret " + webhook.secretId
                                    : "for " + key)
                            + " "
                            + wrong);
        }
        return URI.create(text);
    }

    private String fromSecret(String secretId) throws Unavailable {
        String value;
        try {
            value =
                    client(secretId)
                            .getSecretValue(r -> r.secretId(secretId))
                            .get(30, TimeUnit.SECONDS)
                            .secretString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while reading secret " + secretId);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Unavailable(
                    "cannot read secret "
                            + secretId
                            + ": "
                            + redact(String.valueOf(cause.getMessage())));
        }
        if (value == null || value.isBlank()) {
            throw new Unavailable("secret " + secretId + " holds no text");
        }
        String text = value.trim();
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                for (String field : new String[] {"url", "webhookUrl", "webhook_url"}) {
                    if (node.hasNonNull(field)) {
                        return node.get(field).asText();
                    }
                }
            } catch (Exception e) {
                // reported below, without the value
            }
            throw new Unavailable(
                    "secret "
                            + secretId
                            + " is JSON without a url, webhookUrl or webhook_url field");
        }
        return text;
    }

    private SecretsManagerAsyncClient client(String secretId) {
        if (secrets == null) {
            SecretsManagerAsyncClientBuilder b =
                    SecretsManagerAsyncClient.builder()
                            .credentialsProvider(
                                    AwsCredentials.forEndpoint(settings.secretsEndpointUrl))
                            .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)));
            String region =
                    settings.secretsRegion != null ? settings.secretsRegion : regionOf(secretId);
            if (region != null) {
                b.region(Region.of(region));
            }
            if (settings.secretsEndpointUrl != null) {
                b.endpointOverride(URI.create(settings.secretsEndpointUrl));
            }
            secrets = b.build();
        }
        return secrets;
    }

    /** arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME, else {@code null}. */
    static String regionOf(String secretId) {
        String[] parts = secretId.split(":", 5);
        return parts.length == 5 && parts[0].equals("arn") && !parts[3].isEmpty() ? parts[3] : null;
    }

    /** Removes every webhook URL (and any other URL) from a text that may leave the sink. */
    synchronized String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, URI> e : urls.entrySet()) {
            out = out.replace(e.getValue().toString(), "<webhook " + e.getKey() + ">");
        }
        return ANY_URL.matcher(out).replaceAll("<url>");
    }

    @Override
    public synchronized void close() {
        if (secrets != null) {
            secrets.close();
            secrets = null;
        }
    }
}
