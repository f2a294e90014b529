package io.trailwatch.alert.sink.slack;

import io.trailwatch.alert.delivery.DeliveryFailureOutput;
import io.trailwatch.alert.delivery.DeliveryFailureWriter;
import io.trailwatch.alert.delivery.RetryBackoff;
import io.trailwatch.alert.delivery.WebhookPacer;
import io.trailwatch.alert.format.Texts;
import io.trailwatch.alert.sink.Submission;
import io.trailwatch.config.RetrySettings;
import io.trailwatch.config.SlackSettings;
import io.trailwatch.model.AlertDelivery;
import io.trailwatch.model.DeliveryChannel;
import io.trailwatch.model.DeliveryFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;

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
final class SlackAlertSinkWriter extends AsyncSinkWriter<AlertDelivery, SlackMessageEntry> {
    /** Longest {@code Retry-After} honoured as given; longer ones are capped (and retried). */
    static final long MAX_RETRY_AFTER_MILLIS = Duration.ofMinutes(5).toMillis();

    private final WebhookDirectory webhooks;
    private final WebhookPacer pacer;
    private final RetryBackoff backoff;
    private final DeliveryFailureWriter failures;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService refresher;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Submission.DeliveryMetrics metrics;

    SlackAlertSinkWriter(
            ElementConverter<AlertDelivery, SlackMessageEntry> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<SlackMessageEntry>> state,
            SlackSettings slack,
            RetrySettings retry,
            DeliveryFailureOutput failureOutput)
            throws IOException {
        super(converter, context, configuration, state);
        this.webhooks = new WebhookDirectory(slack);
        this.pacer = new WebhookPacer(slack.minIntervalMillis);
        this.backoff = new RetryBackoff(retry);
        this.failures = failureOutput.open();
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(daemon("trailwatch-slack-pacer"));
        this.httpExecutor = Executors.newFixedThreadPool(2, daemon("trailwatch-slack-http"));
        this.http =
                HttpClient.newBuilder()
                        .executor(httpExecutor)
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.requestTimeout = Duration.ofMillis(retry.requestTimeoutMillis);
        this.metrics = new Submission.DeliveryMetrics(context.metricGroup());
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    protected void submitRequestEntries(
            List<SlackMessageEntry> entries, ResultHandler<SlackMessageEntry> handler) {
        Submission<SlackMessageEntry> submission =
                new Submission<>(entries.size(), handler, scheduler, failures, metrics);
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
                                retryOrGiveUp(
                                        e,
                                        webhooks.redact(describe(error)),
                                        backoffAfter(e),
                                        submission);
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
            retryOrGiveUp(e, answer, backoffAfter(e), s);
        } else {
            s.deadLetter(failure(e, DeliveryFailure.REJECTED, answer, e.failedAttempts + 1));
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

    private long backoffAfter(SlackMessageEntry e) {
        return backoff.delayMillis(e.failedAttempts + 1);
    }

    private void retryOrGiveUp(
            SlackMessageEntry e, String error, long delayMillis, Submission<SlackMessageEntry> s) {
        SlackMessageEntry again = e.failedAgain(error);
        if (backoff.exhausted(again.failedAttempts)) {
            s.deadLetter(
                    failure(again, DeliveryFailure.RETRIES_EXHAUSTED, error, again.failedAttempts));
        } else {
            s.retry(again, delayMillis);
        }
    }

    private static String describe(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static DeliveryFailure failure(
            SlackMessageEntry e, String reason, String error, int attempts) {
        return new DeliveryFailure(
                e.alertId,
                e.ruleId,
                DeliveryChannel.SLACK.id(),
                e.destination(),
                reason,
                error,
                attempts,
                System.currentTimeMillis(),
                e.alertJson);
    }

    @Override
    protected long getSizeInBytes(SlackMessageEntry entry) {
        return entry.sizeInBytes();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        refresher.shutdownNow();
        httpExecutor.shutdownNow();
        webhooks.close();
        try {
            failures.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
