package io.trailwatch.alert.sink;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/** Credentials of the delivery sinks' AWS clients. */
public final class AwsCredentials {
    private AwsCredentials() {}

    /**
     * AWS itself ({@code endpointUrl == null}): the SDK's default chain (on Managed Flink, the
     * application's role). A local endpoint (an emulator on a laptop): credentials from the
     * environment, system properties or profile if there are any, else placeholder ones emulators
     * accept — never the instance metadata service, which a laptop lacks and a test must not call.
     */
    public static AwsCredentialsProvider forEndpoint(String endpointUrl) {
        if (endpointUrl == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(),
                        ProfileCredentialsProvider.create(),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("trailwatch-local", "trailwatch-local")))
                .build();
    }
}
