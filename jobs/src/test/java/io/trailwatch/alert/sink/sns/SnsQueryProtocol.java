package io.trailwatch.alert.sink.sns;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.trailwatch.alert.sink.FormBody;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers PublishBatch as SNS does over the query protocol: 200 with a {@code Successful} member
 * per entry, except the entries named in the stub's {@code failures} parameter (entry id → {@code
 * Code:SenderFault}), which come back in the {@code Failed} list.
 */
public final class SnsQueryProtocol implements ResponseDefinitionTransformerV2 {

    /**
     * A WireMock server on 127.0.0.1 and a free port that answers PublishBatch this way; it can
     * also play Slack webhooks and Secrets Manager for the tests that stub them.
     */
    public static WireMockExtension localServer() {
        return WireMockExtension.newInstance()
                .options(
                        wireMockConfig()
                                .bindAddress("127.0.0.1")
                                .dynamicPort()
                                .extensions(new SnsQueryProtocol()))
                .build();
    }

    public static final String NAME = "sns-query-protocol";
    private static final Pattern ENTRY_ID =
            Pattern.compile("PublishBatchRequestEntries\\.member\\.(\\d+)\\.Id");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Map<String, String> form = FormBody.parse(serveEvent.getRequest().getBodyAsString());
        Parameters parameters = serveEvent.getTransformerParameters();
        @SuppressWarnings("unchecked")
        Map<String, String> failures =
                parameters != null && parameters.containsKey("failures")
                        ? (Map<String, String>) parameters.get("failures")
                        : Map.of();
        TreeSet<String> ids = new TreeSet<>();
        for (String name : form.keySet()) {
            Matcher m = ENTRY_ID.matcher(name);
            if (m.matches()) {
                ids.add(form.get(name));
            }
        }
        StringBuilder ok = new StringBuilder();
        StringBuilder failed = new StringBuilder();
        for (String id : ids) {
            String failure = failures.get(id);
            if (failure == null) {
                ok.append("<member><Id>")
                        .append(id)
                        .append("</Id><MessageId>")
                        .append(UUID.randomUUID())
                        .append("</MessageId></member>");
            } else {
                String[] f = failure.split(":");
                failed.append("<member><Id>")
                        .append(id)
                        .append("</Id><Code>")
                        .append(f[0])
                        .append("</Code><Message>")
                        .append(
                                f[0].equals("InternalError")
                                        ? "Internal error"
                                        : "Invalid parameter: Message")
                        .append("</Message><SenderFault>")
                        .append(f[1])
                        .append("</SenderFault></member>");
            }
        }
        String xml =
                "<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                        + "<PublishBatchResult><Successful>"
                        + ok
                        + "</Successful><Failed>"
                        + failed
                        + "</Failed></PublishBatchResult>"
                        + "<ResponseMetadata><RequestId>"
                        + UUID.randomUUID()
                        + "</RequestId></ResponseMetadata></PublishBatchResponse>";
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .but()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(xml)
                .build();
    }

    /** The XML of an SNS error answer. */
    public static String error(String type, String code, String message) {
        return "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>"
                + type
                + "</Type><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error><RequestId>"
                + UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
    }
}
