package io.trailwatch.alert.sink.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

/** Which SNS failures are worth another attempt. */
class SnsErrorsTest {
    private static SnsException error(int status, String code) {
        return (SnsException)
                SnsException.builder()
                        .statusCode(status)
                        .awsErrorDetails(
                                AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
                        .build();
    }

    @Test
    void throttlingServerErrorsAndTheNetworkPass() {
        assertThat(
                        SnsErrors.isTransient(
                                new CompletionException(
                                        ThrottledException.builder().statusCode(429).build())))
                .isTrue();
        assertThat(SnsErrors.isTransient(error(400, "Throttling"))).isTrue();
        assertThat(SnsErrors.isTransient(error(503, "ServiceUnavailable"))).isTrue();
        assertThat(SnsErrors.isTransient(error(500, "InternalError"))).isTrue();
        assertThat(
                        SnsErrors.isTransient(
                                SdkClientException.create(
                                        "Unable to execute HTTP request",
                                        new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void refusalsAndMissingCredentialsDoNot() {
        assertThat(SnsErrors.isTransient(NotFoundException.builder().statusCode(404).build()))
                .isFalse();
        assertThat(SnsErrors.isTransient(error(400, "InvalidParameter"))).isFalse();
        assertThat(SnsErrors.isTransient(error(403, "AuthorizationError"))).isFalse();
        assertThat(
                        SnsErrors.isTransient(
                                SdkClientException.create(
                                        "Unable to load credentials from any of the providers in the chain")))
                .isFalse();
    }

    @Test
    void perEntryFailuresFollowTheSenderFaultFlag() {
        assertThat(SnsErrors.isTransient("InternalError", false)).isTrue();
        assertThat(SnsErrors.isTransient("KMSThrottling", true)).isTrue();
        assertThat(SnsErrors.isTransient("InvalidParameter", true)).isFalse();
        assertThat(SnsErrors.isTransient("EndpointDisabled", true)).isFalse();
    }
}
