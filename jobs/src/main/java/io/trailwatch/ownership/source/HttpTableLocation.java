package io.trailwatch.ownership.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A file published over HTTPS, such as AWS's {@code
 * https://ip-ranges.amazonaws.com/ip-ranges.json}, read with the JDK's HTTP client. A conditional
 * GET ({@code If-None-Match} with the last ETag) makes an unchanged file cost one small request per
 * interval.
 */
public final class HttpTableLocation implements TableLocation {
    /** AWS's ranges are a few megabytes; a larger answer is more likely a wrong URL. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI uri;
    private final HttpClient http;

    public HttpTableLocation(String location) {
        this.uri = URI.create(location);
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(20))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    @Override
    public Fetched fetch(String knownTag) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (knownTag != null) {
            request.header("If-None-Match", knownTag);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + describe(), e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IOException(
                        "cannot read " + describe() + ": HTTP " + response.statusCode());
            }
            byte[] content = body.readNBytes((int) MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IOException(
                        describe() + " is more than " + MAX_BYTES + " bytes, more than expected");
            }
            return new Fetched(content, response.headers().firstValue("ETag").orElse(null));
        }
    }

    /** Scheme, host and path: a query may hold a signature, which messages must not show. */
    @Override
    public String describe() {
        return uri.getScheme()
                + "://"
                + uri.getHost()
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
