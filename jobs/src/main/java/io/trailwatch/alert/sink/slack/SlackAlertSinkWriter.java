package io.trailwatch.alert.sink.slack;

import io.trailwatch.alert.delivery.RetryAfter;
import io.trailwatch.alert.delivery.WebhookPacer;
import io.trailwatch.alert.format.Texts;
import io.trailwatch.alert.sink.DeliverySinkWriter;
import io.trailwatch.alert.sink.Submission;
import io.trailwatch.config.Durations;
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
 * (one per interval, and nothing before a 429's {@code Retry-After} has passed, waited for up to
 * {@code retry.max-retry-after}). 2xx is delivered; 429, 5xx and network errors are retried with
 * backoff and jitter; other answers (400 invalid_payload, 403, 404 no_service, 410
 * channel_is_archived) are refusals and go to the dead letters, as does a message whose retries are
 * used up, or which could not be sent before its delivery deadline: a webhook held back for long
 * dead-letters its messages as their deadlines come instead of holding the queue.
 *
 * <p>Before a checkpoint the writer waits for the messages in flight (posted, retried or
 * dead-lettered) and checkpoints the buffered ones, as the async sink base does: unlike SNS, which
 * empties its buffer at every checkpoint, a burst for one webhook drains at one message per second
 * and must not hold checkpoints back for minutes.
 */
final class SlackAlertSinkWriter extends DeliverySinkWriter<SlackMessageEntry> {
    static final long CONNECT_TIMEOUT_MILLIS = 10_000;

    private final WebhookDirectory webhooks;
    private final WebhookPacer pacer;
    private final ScheduledExecutorService refresher;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final long maxRetryAfterMillis;

    SlackAlertSinkWriter(Setup<SlackMessageEntry> setup, SlackSettings slack) throws IOException {
        super(setup, DeliveryChannel.SLACK, "trailwatch-slack-pacer");
        this.webhooks = new WebhookDirectory(slack);
        this.pacer = new WebhookPacer(slack.minIntervalMillis);
        this.httpExecutor = Executors.newFixedThreadPool(2, daemon("trailwatch-slack-http"));
        this.http =
                HttpClient.newBuilder()
                        .executor(httpExecutor)
                        .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MILLIS))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.requestTimeout = Duration.ofMillis(setup.retry().requestTimeoutMillis);
        this.maxRetryAfterMillis = setup.retry().maxRetryAfterMillis;
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
            plan(e, url, submission, now);
        }
    }

    /** Takes the webhook's next slot for the message, or dead-letters it if none comes in time. */
    private void plan(SlackMessageEntry e, URI url, Submission<SlackMessageEntry> s, long now) {
        long wait = pacer.reserve(e.webhook, now, deadline(e));
        if (wait == WebhookPacer.NO_SLOT) {
            pastDeadline(e, waitingFor(e, now), s);
        } else {
            schedule(() -> send(e, url, s), wait, e, s);
        }
    }

    private String waitingFor(SlackMessageEntry e, long now) {
        String why =
                pacer.heldOff(e.webhook, now)
                        ? "Slack holds the webhook back (Retry-After)"
                        : "the webhook's queue (one message per interval)";
        return e.lastError == null ? why : why + "; last error: " + e.lastError;
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
        long now = System.currentTimeMillis();
        if (pacer.heldOff(e.webhook, now)) {
            // A 429 arrived after this send was planned: a new slot after the Retry-After, so that
            // the sends it held back still leave one per interval.
            plan(e, url, submission, now);
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
            long now = System.currentTimeMillis();
            long asked =
                    RetryAfter.millis(
                            response.headers().firstValue("Retry-After").orElse(null), now);
            long hold = Math.min(asked, maxRetryAfterMillis);
            pacer.holdOff(e.webhook, now + hold);
            // The pacer holds every send back until then; no further backoff.
            retryOnceFree(
                    e,
                    answer
                            + " (Retry-After "
                            + Durations.format(Duration.ofMillis(asked))
                            + (hold < asked
                                    ? "; waiting at most "
                                            + Durations.format(Duration.ofMillis(hold))
                                    : "")
                            + ")",
                    hold,
                    s);
        } else if (status >= 500) {
            retryOrGiveUp(e, answer, s);
        } else {
            refused(e, answer, s);
        }
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
