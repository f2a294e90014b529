package io.trailwatch.ownership.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.trailwatch.alert.sink.LogCapture;
import io.trailwatch.model.AwsRanges;
import io.trailwatch.ownership.AwsRangesFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS's ranges re-read: a new version (a new syncToken) is published once; one that cannot be read
 * or parsed is counted and logged, and the last good ranges stay in force.
 */
class AwsRangesReloaderTest {
    @RegisterExtension
    static final WireMockExtension AWS =
            WireMockExtension.newInstance()
                    .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
                    .build();

    private static final String PATH = "/ip-ranges.json";

    @TempDir Path dir;

    @Test
    void aFailedRefreshKeepsTheLastGoodRangesAndIsCountedAndLoggedOnce() throws Exception {
        Path file = dir.resolve("ip-ranges.json");
        write(file, AwsRangesFiles.text(), 1);
        AwsRangesReloader reloader = new AwsRangesReloader(new FileTableLocation(file));
        List<String> log;
        try (LogCapture capture = new LogCapture()) {
            AwsRanges first = reloader.poll();
            assertThat(first).isNotNull();
            assertThat(first.syncToken).isEqualTo("1791964384");
            assertThat(reloader.poll()).as("unchanged").isNull();

            write(file, "{\"syncToken\":\"1792050784\",\"createDate\":\"2026-10-14-21", 2);
            assertThat(reloader.poll()).as("cut short").isNull();
            assertThat(reloader.poll()).as("still cut short").isNull();
            assertThat(reloader.rejected()).isEqualTo(2);

            Files.delete(file);
            assertThat(reloader.poll()).as("gone").isNull();
            assertThat(reloader.rejected()).isEqualTo(3);

            write(
                    file,
                    AwsRangesFiles.single("1792050784", "34.240.0.0/13", "eu-west-1", "EC2"),
                    3);
            AwsRanges next = reloader.poll();
            assertThat(next).isNotNull();
            assertThat(next.syncToken).isEqualTo("1792050784");
            assertThat(next.prefixes).containsExactly("34.240.0.0/13");

            // the same version written again: nothing new to publish
            write(
                    file,
                    AwsRangesFiles.single("1792050784", "34.240.0.0/13", "eu-west-1", "EC2"),
                    4);
            assertThat(reloader.poll()).isNull();
            assertThat(reloader.published()).isEqualTo(2);
            log = capture.lines();
        }
        List<String> warnings =
                log.stream()
                        .filter(l -> l.startsWith("WARN " + AwsRangesReloader.class.getName()))
                        .toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0))
                .contains(file + " is broken: " + file + ": not JSON:")
                .endsWith("the last good ranges (syncToken 1791964384) stay in force");
        assertThat(warnings.get(1))
                .contains(file + " cannot be read: ")
                .endsWith("the last good ranges (syncToken 1791964384) stay in force");
    }

    @Test
    void overHttpsAnUnchangedFileCostsAConditionalRequestAndAnErrorKeepsTheLastGood()
            throws Exception {
        AWS.stubFor(
                get(urlEqualTo(PATH))
                        .withHeader("If-None-Match", absent())
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("ETag", "\"v1\"")
                                        .withBody(AwsRangesFiles.text())));
        AWS.stubFor(
                get(urlEqualTo(PATH))
                        .withHeader("If-None-Match", equalTo("\"v1\""))
                        .willReturn(aResponse().withStatus(304)));
        AwsRangesReloader reloader =
                new AwsRangesReloader(TableLocations.open(AWS.baseUrl() + PATH, "eu-west-1", null));

        assertThat(reloader.poll()).isNotNull();
        assertThat(reloader.poll()).as("304 Not Modified").isNull();
        assertThat(reloader.rejected()).isZero();
        AWS.verify(
                getRequestedFor(urlEqualTo(PATH)).withHeader("If-None-Match", equalTo("\"v1\"")));

        AWS.resetAll();
        AWS.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        assertThat(reloader.poll()).as("unavailable").isNull();
        assertThat(reloader.rejected()).isEqualTo(1);
    }

    @Test
    void describesAnHttpsLocationWithoutItsQuery() {
        TableLocation location =
                TableLocations.open(
                        "https://ranges.example.com/ip-ranges.json?X-Amz-Signature=abc",
                        "eu-west-1",
                        null);

        assertThat(location.describe()).isEqualTo("https://ranges.example.com/ip-ranges.json");
    }

    private static void write(Path file, String text, int second) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(
                file, FileTime.from(Instant.parse("2026-10-01T00:00:00Z").plusSeconds(second)));
    }
}
