package io.trailwatch.alert.sink.sns;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Which SNS failures pass (throttling, server errors, network) and which would only repeat. */
final class SnsErrors {
    /** Error codes of SNS and the query protocol that mean "later", whatever the HTTP status. */
    private static final Set<String> TRANSIENT =
            Set.of(
                    "Throttled",
                    "Throttling",
                    "ThrottlingException",
                    "ThrottledException",
                    "RequestThrottled",
                    "TooManyRequestsException",
                    "KMSThrottling",
                    "InternalError",
                    "InternalFailure",
                    "ServiceUnavailable");

    private SnsErrors() {}

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** A failed request as a whole. */
    static boolean isTransient(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof AwsServiceException) {
            AwsServiceException e = (AwsServiceException) t;
            return e.statusCode() == 429
                    || e.statusCode() >= 500
                    || e.isThrottlingException()
                    || e.awsErrorDetails() != null
                            && TRANSIENT.contains(e.awsErrorDetails().errorCode());
        }
        if (t instanceof SdkClientException
                && String.valueOf(t.getMessage()).contains("credentials")) {
            // No credentials anywhere in the chain: retrying cannot find any.
            return false;
        }
        // Connection refused or reset, timeouts: the network, not the message.
        return t instanceof SdkClientException || t instanceof IOException;
    }

    /** One failed entry of a PublishBatch answer. */
    static boolean isTransient(String code, Boolean senderFault) {
        return TRANSIENT.contains(code) || !Boolean.TRUE.equals(senderFault);
    }

    static String describe(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof AwsServiceException) {
            AwsServiceException e = (AwsServiceException) t;
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message =
                    e.awsErrorDetails() == null
                            ? e.getMessage()
                            : e.awsErrorDetails().errorMessage();
            return "HTTP " + e.statusCode() + " " + code + ": " + message;
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
