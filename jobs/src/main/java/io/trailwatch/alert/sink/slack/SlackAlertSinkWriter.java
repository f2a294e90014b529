package io.trailwatch.alert.sink.slack;

import io.trailwatch.alert.delivery.WebhookPacer;
import io.trailwatch.alert.format.Texts;
import io.trailwatch.alert.sink.DeliverySinkWriter;
import io.trailwatch.alert.sink.Submission;
import io.trailwatch.config.SlackSettings;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.base.sink.writer.ResultHandler;

/**
 * Posts each message to its webhook with the JDK's HTTP client, asynchronously, paced per webhook
 * (one per interval, and nothing before a 429's {@code Retry-After} has passed). 2xx is delivered;
 * 429, 5xx and network errors are retried with backoff and jitter; other answers (400
 * invalid_payload, 403, 404 no_service, 410 channel_is_archived) are refusals and go to the dead
 * letters, as does a message whose retries are used up.
 *
 * <p>Before a checkpoint the writer waits for the messages in flight (posted, retried or
 * dead-lettered) and checkpoints the buffered ones, as the async sink base does: unlike SNS, which
 * empties its buffer at every checkpoint, a burst for one webhook drains at one message per second
 * and must not hold checkpoints back for minutes.
 */
final class SlackAlertSinkWriter extends DeliverySinkWriter<SlackMessageEntry> {
    /** Longest {@code Retry-After} honoured as given; longer ones are capped (and retried). */
    static final long MAX_RETRY_AFTER_MILLIS = Duration.ofMinutes(5).toMillis();

    private final WebhookDirectory webhooks;
    private final WebhookPacer pacer;
    private final ScheduledExecutorService refresher;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Duration requestTimeout;

    SlackAlertSinkWriter(Setup<SlackMessageEntry> setup, SlackSettings slack) throws IOException {
        super(setup, DeliveryChannel.SLACK, "trailwatch-slack-pacer");
        this.webhooks = new WebhookDirectory(slack);
        this.pacer = new WebhookPacer(slack.minIntervalMillis);
        this.httpExecutor = Executors.newFixedThreadPool(2, daemon("trailwatch-slack-http"));
        this.http =
                HttpClient.newBuilder()
                        .executor(httpExecutor)
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.requestTimeout = Duration.ofMillis(setup.retry().requestTimeoutMillis);
        webhooks.resolveAll();
        // Its own thread: reading a secret may take seconds and must not hold back sends.
        this.refresher =
                Executors.newSingleThreadScheduledExecutor(daemon("trailwatch-slack-secrets"));
        refresher.scheduleWithFixedDelay(
                webhooks::retryUnavailable,
                WebhookDirectory.RETRY_UNAVAILABLE_EVERY_MILLIS,
                WebhookDirectory.RETRY_UNAVAILABLE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void submitRequestEntries(
            List<SlackMessageEntry> entries, ResultHandler<SlackMessageEntry> handler) {
        Submission<SlackMessageEntry> submission = submission(entries, handler);
        for (SlackMessageEntry e : entries) {
            long now = System.currentTimeMillis();
            URI url;
            try {
                url = webhooks.url(e.webhook);
            } catch (WebhookDirectory.Unavailable unavailable) {
                submission.deadLetter(
                        failure(
                                e,
                                DeliveryFailure.NOT_CONFIGURED,
                                unavailable.getMessage(),
                                e.failedAttempts));
                continue;
            }
            schedule(() -> send(e, url, submission), pacer.reserve(e.webhook, now), e, submission);
        }
    }

    private void schedule(
            Runnable send, long delayMillis, SlackMessageEntry e, Submission<SlackMessageEntry> s) {
        try {
            scheduler.schedule(send, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            s.retry(e, 0);
        }
    }

    private void send(SlackMessageEntry e, URI url, Submission<SlackMessageEntry> submission) {
        long wait = pacer.heldOffFor(e.webhook, System.currentTimeMillis());
        if (wait > 0) {
            // A 429 arrived after this send was planned: keep to the webhook's Retry-After.
            schedule(() -> send(e, url, submission), wait, e, submission);
            return;
        }
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(e.body))
                        .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                        (response, error) -> {
                            if (error != null) {
                                retryOrGiveUp(e, webhooks.redact(describe(error)), submission);
                            } else {
                                answered(e, response, submission);
                            }
                        });
    }

    private void answered(
            SlackMessageEntry e, HttpResponse<String> response, Submission<SlackMessageEntry> s) {
        int status = response.statusCode();
        String answer =
                "HTTP "
                        + status
                        + (response.body() == null || response.body().isBlank()
                                ? ""
                                : ": " + Texts.clip(webhooks.redact(response.body().trim()), 200));
        if (status >= 200 && status < 300) {
            s.delivered();
        } else if (status == 429) {
            long retryAfter = retryAfterMillis(response);
            pacer.holdOff(e.webhook, System.currentTimeMillis() + retryAfter);
            // The pacer holds the next send back until Retry-After; no further backoff.
            retryOrGiveUp(e, answer + " (Retry-After " + retryAfter / 1000 + " s)", 0, s);
        } else if (status >= 500) {
            retryOrGiveUp(e, answer, s);
        } else {
            refused(e, answer, s);
        }
    }

    static long retryAfterMillis(HttpResponse<?> response) {
        long seconds =
                response.headers()
                        .firstValue("Retry-After")
                        .map(
                                v -> {
                                    try {
                                        return Long.parseLong(v.trim());
                                    } catch (NumberFormatException notSeconds) {
                                        return 1L;
                                    }
                                })
                        .orElse(1L);
        return Math.min(Math.max(seconds, 1) * 1000, MAX_RETRY_AFTER_MILLIS);
    }

    private static String describe(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    @Override
    protected void closeClients() {
        refresher.shutdownNow();
        httpExecutor.shutdownNow();
        webhooks.close();
    }
}
