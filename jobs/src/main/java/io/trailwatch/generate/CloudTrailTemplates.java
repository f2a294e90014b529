package io.trailwatch.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Ordinary CloudTrail records of everyday work, in the real record format, with seeded variety. */
final class CloudTrailTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ROLES = {
        "app-runtime", "ci-deployer", "etl-runner", "ops-readonly"
    };
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin"};

    private final Random random;

    CloudTrailTemplates(Random random) {
        this.random = random;
    }

    ObjectNode event(String account, String region, long epochSecond) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return s3Data(
                    account, region, epochSecond, random.nextBoolean() ? "GetObject" : "PutObject");
        }
        if (kind < 55) {
            return api(
                    account,
                    region,
                    epochSecond,
                    "ec2.amazonaws.com",
                    pick(
                            "DescribeInstances",
                            "DescribeSecurityGroups",
                            "DescribeVolumes",
                            "DescribeSubnets"),
                    true,
                    null);
        }
        if (kind < 65) {
            ObjectNode e =
                    api(
                            account,
                            region,
                            epochSecond,
                            "sts.amazonaws.com",
                            "AssumeRole",
                            false,
                            null);
            ObjectNode p = e.putObject("requestParameters");
            p.put("roleArn", "arn:aws:iam::" + account + ":role/" + pick(ROLES));
            p.put("roleSessionName", "session-" + random.nextInt(10000));
            return e;
        }
        if (kind < 75) {
            ObjectNode e =
                    api(
                            account,
                            region,
                            epochSecond,
                            "kms.amazonaws.com",
                            "Decrypt",
                            true,
                            "AWSService");
            e.putObject("requestParameters").put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
            return e;
        }
        if (kind < 85) {
            ObjectNode e =
                    api(
                            account,
                            region,
                            epochSecond,
                            "logs.amazonaws.com",
                            "CreateLogStream",
                            false,
                            null);
            e.putObject("requestParameters")
                    .put("logGroupName", "/aws/lambda/app-" + random.nextInt(20))
                    .put(
                            "logStreamName",
                            "2026/10/01/[$LATEST]" + Long.toHexString(random.nextLong()));
            return e;
        }
        if (kind < 92) {
            return api(
                    account, region, epochSecond, "ssm.amazonaws.com", "GetParameter", true, null);
        }
        if (kind < 97) {
            return api(
                    account,
                    "us-east-1",
                    epochSecond,
                    "iam.amazonaws.com",
                    pick("ListRoles", "GetRole", "ListPolicies"),
                    true,
                    null);
        }
        return consoleLogin(account, epochSecond);
    }

    private ObjectNode api(
            String account,
            String region,
            long t,
            String source,
            String name,
            boolean readOnly,
            String identity) {
        ObjectNode e = base(account, region, t, source, name);
        if ("AWSService".equals(identity)) {
            ObjectNode id = e.putObject("userIdentity");
            id.put("type", "AWSService");
            id.put(
                    "invokedBy",
                    pick(
                            "s3.amazonaws.com",
                            "lambda.amazonaws.com",
                            "secretsmanager.amazonaws.com"));
            e.put("sourceIPAddress", id.get("invokedBy").asText());
            e.put("userAgent", id.get("invokedBy").asText());
        } else {
            assumedRole(e, account, pick(ROLES));
        }
        e.putNull("requestParameters");
        e.putNull("responseElements");
        e.put("readOnly", readOnly);
        e.put("eventType", "AwsApiCall");
        e.put("managementEvent", true);
        e.put("eventCategory", "Management");
        return e;
    }

    private ObjectNode s3Data(String account, String region, long t, String name) {
        ObjectNode e = base(account, region, t, "s3.amazonaws.com", name);
        assumedRole(e, account, "app-runtime");
        String bucket = "gen-" + account + "-" + pick("assets", "exports", "logs");
        String key = "data/" + random.nextInt(100000) + ".json";
        ObjectNode p = e.putObject("requestParameters");
        p.put("bucketName", bucket);
        p.put("Host", bucket + ".s3." + region + ".amazonaws.com");
        p.put("key", key);
        e.putNull("responseElements");
        ObjectNode extra = e.putObject("additionalEventData");
        extra.put("SignatureVersion", "SigV4");
        extra.put("CipherSuite", "TLS_AES_128_GCM_SHA256");
        extra.put(
                "bytesTransferredIn", name.equals("PutObject") ? 1000 + random.nextInt(50000) : 0);
        extra.put("AuthenticationMethod", "AuthHeader");
        extra.put(
                "bytesTransferredOut", name.equals("GetObject") ? 1000 + random.nextInt(50000) : 0);
        e.putArray("resources")
                .add(
                        JSON.createObjectNode()
                                .put("type", "AWS::S3::Object")
                                .put("ARN", "arn:aws:s3:::" + bucket + "/" + key))
                .add(
                        JSON.createObjectNode()
                                .put("accountId", account)
                                .put("type", "AWS::S3::Bucket")
                                .put("ARN", "arn:aws:s3:::" + bucket));
        e.put("readOnly", name.equals("GetObject"));
        e.put("eventType", "AwsApiCall");
        e.put("managementEvent", false);
        e.put("eventCategory", "Data");
        return e;
    }

    private ObjectNode consoleLogin(String account, long t) {
        ObjectNode e = base(account, "us-east-1", t, "signin.amazonaws.com", "ConsoleLogin");
        String user = pick(USERS);
        ObjectNode id = e.putObject("userIdentity");
        id.put("type", "IAMUser");
        id.put("principalId", "AIDA" + upper(16));
        id.put("arn", "arn:aws:iam::" + account + ":user/" + user);
        id.put("accountId", account);
        id.put("userName", user);
        e.put("sourceIPAddress", "203.0.113." + random.nextInt(64));
        e.putNull("requestParameters");
        e.putObject("responseElements").put("ConsoleLogin", "Success");
        ObjectNode extra = e.putObject("additionalEventData");
        extra.put("LoginTo", "https://console.aws.amazon.com/console/home");
        extra.put("MobileVersion", "No");
        extra.put("MFAIdentifier", "arn:aws:iam::" + account + ":mfa/" + user);
        extra.put("MFAUsed", "Yes");
        e.put("eventType", "AwsConsoleSignIn");
        e.put("managementEvent", true);
        e.put("eventCategory", "Management");
        return e;
    }

    private ObjectNode base(String account, String region, long t, String source, String name) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventVersion", "1.10");
        e.put("eventTime", Instant.ofEpochSecond(t).toString());
        e.put("eventSource", source);
        e.put("eventName", name);
        e.put("awsRegion", region);
        e.put(
                "sourceIPAddress",
                "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + random.nextInt(256));
        e.put(
                "userAgent",
                pick(
                        "aws-sdk-java/2.25.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17",
                        "Boto3/1.34.0 md/Botocore#1.34.0",
                        "aws-cli/2.15.0 Python/3.11.6"));
        e.put("requestID", new UUID(random.nextLong(), random.nextLong()).toString());
        e.put("eventID", new UUID(random.nextLong(), random.nextLong()).toString());
        e.put("recipientAccountId", account);
        return e;
    }

    private void assumedRole(ObjectNode e, String account, String role) {
        String roleId = "AROA" + upper(17);
        String session = "session-" + random.nextInt(1000);
        ObjectNode id = e.putObject("userIdentity");
        id.put("type", "AssumedRole");
        id.put("principalId", roleId + ":" + session);
        id.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
        id.put("accountId", account);
        id.put("accessKeyId", "ASIA" + upper(16));
        ObjectNode ctx = id.putObject("sessionContext");
        ObjectNode issuer = ctx.putObject("sessionIssuer");
        issuer.put("type", "Role");
        issuer.put("principalId", roleId);
        issuer.put("arn", "arn:aws:iam::" + account + ":role/" + role);
        issuer.put("accountId", account);
        issuer.put("userName", role);
        ObjectNode attributes = ctx.putObject("attributes");
        attributes.put("creationDate", e.get("eventTime").asText());
        attributes.put("mfaAuthenticated", "false");
    }

    private String upper(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
