package io.trailwatch.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.detect.RuleRegistry;
import io.trailwatch.detect.rules.RuleEngine;
import io.trailwatch.detect.rules.StatelessRule;
import io.trailwatch.ingest.DecodedBatch;
import io.trailwatch.ingest.RecordDecoder;
import io.trailwatch.ingest.SkipKind;
import io.trailwatch.model.Alert;
import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.RawKind;
import io.trailwatch.model.RawRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CloudTrail conformance corpus (src/test/resources/conformance/cloudtrail), written from the
 * CloudTrail record-contents and userIdentity references and the AWS documentation's example
 * events: every event version from 1.0 to 1.11, every userIdentity type, service events, data and
 * network activity events, Insights events and a digest file. Each record is decoded (or counted as
 * skipped) with the fields every rule relies on, and raises exactly the stateless alerts listed.
 */
class CloudTrailConformanceTest {
    static final String CORPUS = "/conformance/cloudtrail/";
    static final String ACCOUNT = "111122223333";

    private static final RuleEngine RULES =
            new RuleEngine(RuleRegistry.builtIn().rules(StatelessRule.class), Set.of());

    static Stream<Arguments> corpus() {
        return Stream.of(
                file(
                        "2014-03-25-v1.0.json",
                        event("1.0", "iam", "CreateUser", DERIVED, "IAMUser", "user/Alice")
                                .alerts("TW-IAM-05 LOW Bob"),
                        event("1.0", "ec2", "CreateKeyPair", DERIVED, "IAMUser", "user/Alice"),
                        event("1.0", "iam", "AddUserToGroup", DERIVED, "IAMUser", "user/Alice")),
                file(
                        "2015-08-11-v1.01-v1.03.json",
                        event("1.01", "ec2", "StopInstances", GIVEN, "IAMUser", "user/Alice"),
                        event("1.02", "cloudtrail", "DeleteTrail", GIVEN, "IAMUser", "user/Alice")
                                .alerts("TW-LOG-01 CRITICAL eu-audit"),
                        event(
                                "1.03",
                                "s3",
                                "CreateBucket",
                                GIVEN,
                                "AssumedRole",
                                "assumed-role/deploy/deploy-bot")),
                file(
                        "2017-05-02-v1.04-v1.05.json",
                        event("1.04", "signin", "ConsoleLogin", GIVEN, "IAMUser", "user/Alice"),
                        event("1.05", "kms", "RotateKey", GIVEN, null, "kms.amazonaws.com"),
                        event(
                                "1.05",
                                "sts",
                                "AssumeRole",
                                GIVEN,
                                "AWSService",
                                "lambda.amazonaws.com")),
                file(
                        "2021-06-14-v1.06-v1.08.json",
                        event(
                                "1.06",
                                "ec2",
                                "DescribeInstances",
                                GIVEN,
                                "FederatedUser",
                                "federated-user/carol"),
                        event(
                                "1.07",
                                "sts",
                                "AssumeRoleWithSAML",
                                GIVEN,
                                "SAMLUser",
                                "SamlExample"),
                        event(
                                "1.07",
                                "sts",
                                "AssumeRoleWithWebIdentity",
                                GIVEN,
                                "WebIdentityUser",
                                "accounts.google.com"),
                        event(
                                "1.08",
                                "kms",
                                "Decrypt",
                                GIVEN,
                                "AWSAccount",
                                "AIDAQRSTUVWXYZEXAMPLE"),
                        event("1.08", "iam", "ListUsers", GIVEN, "Root", ":root")
                                .alerts("TW-IAM-01 HIGH arn:aws:iam::111122223333:root")),
                file(
                        "2025-02-18-v1.08-v1.11.json",
                        event("1.10", "sso", "ListApplications", GIVEN, "IdentityCenterUser", null),
                        event("1.08", "workdocs", "GetDocument", GIVEN, "Directory", "S-1-5-21-"),
                        event(
                                        "1.09",
                                        "s3",
                                        "GetObject",
                                        GIVEN,
                                        "AssumedRole",
                                        "assumed-role/etl/etl")
                                .category("Data"),
                        event(
                                        "1.09",
                                        "lambda",
                                        "Invoke",
                                        GIVEN,
                                        "AssumedRole",
                                        "assumed-role/api-gw/api-gw")
                                .category("Data"),
                        event(
                                        "1.11",
                                        "kms",
                                        "GenerateDataKey",
                                        GIVEN,
                                        "AWSAccount",
                                        "AIDAQRSTUVWXYZEXAMPLE")
                                .category("NetworkActivity"),
                        event("1.11", "signin", "CredentialChallenge", GIVEN, "Unknown", null)),
                file(
                        "2025-02-18-insights.json",
                        skipped(SkipKind.CLOUDTRAIL_INSIGHT),
                        skipped(SkipKind.CLOUDTRAIL_INSIGHT)),
                file("2025-02-18-digest.json", skipped(SkipKind.CLOUDTRAIL_DIGEST)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyRecordDecodesOrIsCountedAndRaisesExactlyItsAlerts(
            String file, List<Expected> expected) throws IOException {
        DecodedBatch decoded = new RecordDecoder().decode(raw(file));

        assertThat(decoded.size()).as("entries of %s", file).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected x = expected.get(i);
            String at = file + " entry " + i;
            if (x.skip != null) {
                assertThat(decoded.kind(i)).as(at).isEqualTo(DecodedBatch.Kind.SKIPPED);
                assertThat(decoded.skipped(i)).as(at).isEqualTo(x.skip);
                continue;
            }
            assertThat(decoded.kind(i))
                    .as("%s: %s", at, describe(decoded, i))
                    .isEqualTo(DecodedBatch.Kind.CLOUDTRAIL);
            CloudTrailEvent e = decoded.cloudTrail(i);
            assertThat(e.eventVersion).as(at).isEqualTo(x.version);
            assertThat(e.eventSource).as(at).isEqualTo(x.service + ".amazonaws.com");
            assertThat(e.eventName).as(at).isEqualTo(x.name);
            assertThat(e.account()).as(at).isEqualTo(ACCOUNT);
            assertThat(e.userIdentity).as(at).isNotNull();
            assertThat(e.userIdentity.type).as(at).isEqualTo(x.identityType);
            if (x.principal == null) {
                assertThat(e.principal()).as(at).isNull();
            } else {
                assertThat(e.principal()).as(at).contains(x.principal);
            }
            if (x.idDerived) {
                assertThat(e.eventId).as(at).matches("derived-[0-9a-f]{32}");
            } else {
                assertThat(e.eventId).as(at).matches("[0-9a-f]{8}-[0-9a-f-]{27}");
            }
            if (x.category != null) {
                assertThat(e.eventCategory).as(at).isEqualTo(x.category);
                assertThat(e.managementEvent).as(at).isFalse();
            }
            List<Alert> alerts = RULES.evaluate(e, ACCOUNT::equals, 0L);
            assertThat(alerts)
                    .as(at + " " + e.eventName)
                    .extracting(a -> a.ruleId + " " + a.severity + " " + a.resource)
                    .containsExactlyElementsOf(x.alerts);
        }
    }

    static RawRecord raw(String file) throws IOException {
        try (InputStream in = CloudTrailConformanceTest.class.getResourceAsStream(CORPUS + file)) {
            return new RawRecord(file, RawKind.JSON, in.readAllBytes(), null);
        }
    }

    private static String describe(DecodedBatch decoded, int i) {
        return decoded.kind(i) == DecodedBatch.Kind.DEAD_LETTER
                ? decoded.deadLetter(i).reason + ": " + decoded.deadLetter(i).detail
                : String.valueOf(decoded.kind(i));
    }

    private static final boolean DERIVED = true;
    private static final boolean GIVEN = false;

    private static Arguments file(String name, Expected... records) {
        return Arguments.of(name, List.of(records));
    }

    private static Expected event(
            String version,
            String service,
            String name,
            boolean idDerived,
            String identityType,
            String principal) {
        Expected x = new Expected();
        x.version = version;
        x.service = service;
        x.name = name;
        x.idDerived = idDerived;
        x.identityType = identityType;
        x.principal = principal;
        return x;
    }

    private static Expected skipped(SkipKind kind) {
        Expected x = new Expected();
        x.skip = kind;
        return x;
    }

    /** What one record of the corpus must become. */
    static final class Expected {
        String version;
        String service;
        String name;
        boolean idDerived;
        String identityType;
        String principal;
        String category;
        SkipKind skip;
        List<String> alerts = List.of();

        Expected alerts(String... alerts) {
            this.alerts = List.of(alerts);
            return this;
        }

        Expected category(String category) {
            this.category = category;
            return this;
        }

        @Override
        public String toString() {
            return skip != null ? String.valueOf(skip) : version + " " + name;
        }
    }
}
