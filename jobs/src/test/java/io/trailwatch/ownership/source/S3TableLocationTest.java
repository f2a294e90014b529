package io.trailwatch.ownership.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.trailwatch.model.OwnershipTable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 location with the real SDK client against a small S3 stand-in on 127.0.0.1: conditional
 * GETs, 304 for an unchanged table, errors with the status.
 */
class S3TableLocationTest {
    private HttpServer server;
    private volatile String body = "match,team\n111122223333,payments\n";
    private volatile String etag = "\"v1\"";
    private volatile int status = 200;
    private final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
                    synchronized (requests) {
                        requests.add(
                                exchange.getRequestURI().getPath()
                                        + " if-none-match="
                                        + ifNoneMatch);
                    }
                    if (status != 200) {
                        byte[] error =
                                ("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
                                                + "<Message>Access Denied</Message></Error>")
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/xml");
                        exchange.sendResponseHeaders(status, error.length);
                        exchange.getResponseBody().write(error);
                        exchange.close();
                        return;
                    }
                    if (etag.equals(ifNoneMatch)) {
                        exchange.getResponseHeaders().add("ETag", etag);
                        exchange.sendResponseHeaders(304, -1);
                        exchange.close();
                        return;
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("ETag", etag);
                    exchange.getResponseHeaders().add("Content-Type", "text/csv");
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void downloadsOnlyWhenTheObjectChanged() {
        try (S3TableLocation location =
                new S3TableLocation(
                        "s3://trailwatch-config/tables/ownership.csv", "eu-west-1", endpoint())) {
            OwnershipTableReloader reloader = new OwnershipTableReloader(location);

            OwnershipTable first = reloader.poll();
            assertThat(first.rows).extracting(r -> r.team).containsExactly("payments");
            assertThat(first.source).isEqualTo("s3://trailwatch-config/tables/ownership.csv");
            assertThat(reloader.poll()).as("304 Not Modified").isNull();

            body = "match,team\n111122223333,payments\n444455556666,search\n";
            etag = "\"v2\"";
            assertThat(reloader.poll().rows).hasSize(2);
        }
        assertThat(requests)
                .containsExactly(
                        "/trailwatch-config/tables/ownership.csv if-none-match=null",
                        "/trailwatch-config/tables/ownership.csv if-none-match=\"v1\"",
                        "/trailwatch-config/tables/ownership.csv if-none-match=\"v1\"");
    }

    @Test
    void anErrorNamesTheObjectAndTheStatus() {
        status = 403;
        try (S3TableLocation location =
                new S3TableLocation(
                        "s3://trailwatch-config/ownership.csv", "eu-west-1", endpoint())) {
            assertThatThrownBy(() -> location.fetch(null))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("s3://trailwatch-config/ownership.csv")
                    .hasMessageContaining("HTTP 403");
        }
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
