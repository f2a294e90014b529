package io.trailwatch.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a seeded set of Sigma rule files for load tests: the mix a security team's own rule set
 * has. Most rules pin one rarely called change API (equality on eventSource and eventName, with a
 * further condition); some use wildcards, regular expressions or address ranges, a few look at
 * every event or every flow record; a tenth are correlations, mostly over failures and changes, one
 * of each ten over the busiest read. One rule or correlation (with its rules) per file.
 */
public final class SigmaRuleGenerator {
    /** Change APIs by service, as CloudTrail names them. */
    private static final String[][] CHANGES = {
        {
            "iam",
            "AttachRolePolicy",
            "AttachUserPolicy",
            "CreateAccessKey",
            "CreatePolicyVersion",
            "CreateRole",
            "DeleteRole",
            "DeleteRolePolicy",
            "DeleteUserPolicy",
            "PutRolePolicy",
            "PutUserPolicy",
            "UpdateAssumeRolePolicy",
            "AddUserToGroup",
            "DeactivateMFADevice",
            "DeleteVirtualMFADevice",
            "CreateSAMLProvider",
            "UpdateAccountPasswordPolicy"
        },
        {
            "ec2",
            "AuthorizeSecurityGroupIngress",
            "CreateKeyPair",
            "ImportKeyPair",
            "ModifyInstanceAttribute",
            "ModifySnapshotAttribute",
            "ModifyImageAttribute",
            "DisableEbsEncryptionByDefault",
            "CreateNetworkAclEntry",
            "DeleteNetworkAcl",
            "RunInstances",
            "StopInstances",
            "TerminateInstances",
            "CreateSnapshot",
            "SharedSnapshotCopyInitiated",
            "GetPasswordData",
            "CreateTrafficMirrorSession"
        },
        {
            "s3",
            "PutBucketPolicy",
            "DeleteBucketPolicy",
            "PutBucketAcl",
            "PutBucketPublicAccessBlock",
            "DeleteBucketPublicAccessBlock",
            "PutBucketLogging",
            "PutBucketVersioning",
            "PutBucketReplication",
            "DeleteBucket",
            "PutBucketLifecycle",
            "PutObjectAcl"
        },
        {"cloudtrail", "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors"},
        {"kms", "PutKeyPolicy", "CreateGrant", "RetireGrant", "DisableKey", "ScheduleKeyDeletion"},
        {
            "lambda",
            "CreateFunction20150331",
            "UpdateFunctionCode20150331v2",
            "AddPermission20150331v2",
            "UpdateFunctionConfiguration20150331v2",
            "PublishLayerVersion20181031"
        },
        {
            "rds",
            "ModifyDBInstance",
            "ModifyDBSnapshotAttribute",
            "RestoreDBInstanceFromDBSnapshot",
            "DeleteDBCluster",
            "CreateDBSnapshot"
        },
        {"secretsmanager", "GetSecretValue", "PutResourcePolicy", "DeleteSecret", "UpdateSecret"},
        {"guardduty", "DeleteDetector", "UpdateDetector", "CreateFilter", "DeleteMembers"},
        {"logs", "DeleteLogGroup", "PutRetentionPolicy", "DeleteSubscriptionFilter"},
        {"sts", "GetFederationToken", "GetSessionToken"},
        {"ssm", "SendCommand", "StartSession", "PutParameter", "DeleteParameter"},
        {"organizations", "InviteAccountToOrganization", "LeaveOrganization"},
        {"ecr", "SetRepositoryPolicy", "PutImage"},
        {"sso", "CreatePermissionSet", "AttachManagedPolicyToPermissionSet"},
    };

    /**
     * Correlations as a team writes them: mostly over failures and changes (failed sign-ins, denied
     * calls and enumeration, new keys, opened groups, bucket policies, key deletion), one over the
     * busiest read (object downloads, 15% of the generated CloudTrail events). Each: the base
     * rule's selection, the type, the group-by field, the count, and the counted field (for the
     * ordered type: the second rule's selection).
     */
    private static final String[][] CORRELATIONS = {
        {
            "        eventName: ConsoleLogin\n        errorMessage|contains: Failed\n",
            "event_count",
            "sourceIPAddress",
            "5",
            ""
        },
        {
            "        eventSource: s3.amazonaws.com\n        eventName: GetObject\n",
            "value_count",
            "userIdentity.arn",
            "25",
            "requestParameters.bucketName"
        },
        {
            "        errorCode:\n            - AccessDenied\n            - Client.UnauthorizedOperation\n",
            "event_count",
            "userIdentity.arn",
            "10",
            ""
        },
        {
            "        eventSource: ec2.amazonaws.com\n        eventName|startswith: Describe\n"
                    + "        errorCode|exists: true\n",
            "value_count",
            "userIdentity.arn",
            "4",
            "eventName"
        },
        {
            "        eventSource: iam.amazonaws.com\n        eventName: CreateUser\n",
            "temporal_ordered",
            "userIdentity.arn",
            "0",
            "        eventSource: iam.amazonaws.com\n        eventName: CreateAccessKey\n"
        },
        {
            "        eventSource: sts.amazonaws.com\n        eventName: AssumeRole\n        errorCode: AccessDenied\n",
            "value_count",
            "userIdentity.arn",
            "3",
            "requestParameters.roleArn"
        },
        {
            "        eventSource: ec2.amazonaws.com\n        eventName: AuthorizeSecurityGroupIngress\n",
            "event_count",
            "userIdentity.arn",
            "3",
            ""
        },
        {
            "        eventSource: s3.amazonaws.com\n        eventName:\n            - PutBucketPolicy\n"
                    + "            - PutBucketAcl\n",
            "value_count",
            "userIdentity.arn",
            "3",
            "requestParameters.bucketName"
        },
        {
            "        eventSource: secretsmanager.amazonaws.com\n        eventName: GetSecretValue\n",
            "value_count",
            "userIdentity.arn",
            "10",
            "requestParameters.secretId"
        },
        {
            "        eventSource: kms.amazonaws.com\n        eventName:\n            - ScheduleKeyDeletion\n"
                    + "            - DisableKey\n",
            "event_count",
            "userIdentity.arn",
            "2",
            ""
        },
    };

    private final Random random;

    public SigmaRuleGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Writes {@code count} rules to {@code dir}: a tenth of them correlations, 5 flow rules, the
     * rest CloudTrail detection rules.
     *
     * @return the files written
     */
    public List<Path> write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        int correlations = count / 10;
        int flows = Math.min(5, count - correlations);
        int detections = count - correlations - flows;
        for (int i = 0; i < count; i++) {
            String text;
            if (i < correlations) {
                text = correlation(i);
            } else if (i < correlations + flows) {
                text = flow(i);
            } else {
                text = detection(i, i - correlations - flows, detections);
            }
            Path f = dir.resolve(String.format(Locale.ROOT, "generated-%03d.yml", i));
            Files.writeString(f, text, StandardCharsets.UTF_8);
            files.add(f);
        }
        return files;
    }

    private String detection(int n, int k, int of) {
        String[] service = CHANGES[random.nextInt(CHANGES.length)];
        String source = service[0] + ".amazonaws.com";
        String name = service[1 + random.nextInt(service.length - 1)];
        StringBuilder sel = new StringBuilder();
        String condition = "selection";
        double share = (double) k / of;
        if (share < 0.60) {
            sel.append(field("eventSource", source))
                    .append(field("eventName", name))
                    .append(
                            random.nextBoolean()
                                    ? "        userIdentity.type: "
                                            + pick("Root", "IAMUser", "AssumedRole")
                                            + "\n"
                                    : "");
            condition = "selection and not filter";
            sel.append("    filter:\n        errorCode|exists: true\n");
        } else if (share < 0.78) {
            sel.append(field("eventSource", source));
            switch (random.nextInt(3)) {
                case 0:
                    sel.append("        eventName|startswith: ")
                            .append(pick("Delete", "Disable", "Stop", "Detach", "Deregister"))
                            .append('\n');
                    break;
                case 1:
                    sel.append(field("eventName", name))
                            .append(
                                    "        userAgent|contains:\n            - kali\n            - parrot\n            - pentoo\n");
                    break;
                default:
                    sel.append(field("eventName", name))
                            .append("        userIdentity.arn|endswith: ")
                            .append(pick(":root", "/admin", "-break-glass"))
                            .append('\n');
            }
        } else if (share < 0.89) {
            sel.append(field("eventSource", source))
                    .append(field("eventName", name))
                    .append("        userIdentity.arn|re: '")
                    .append(
                            pick(
                                    "^arn:aws:sts::[0-9]{12}:assumed-role/[a-z-]+-admin/.*$",
                                    ".*:user/(temp|test)[0-9]+$",
                                    "^arn:aws:iam::[0-9]{12}:root$"))
                    .append("'\n");
        } else if (share < 0.97) {
            sel.append(field("eventName", name))
                    .append(
                            "        sourceIPAddress|cidr:\n            - 192.0.2.0/24\n            - 2001:db8:1::/48\n");
        } else {
            // no call pinned: judged on every event, as "anything from this range" rules are
            sel.append(
                    "        sourceIPAddress|cidr:\n            - 192.0.2.0/25\n        userIdentity.type: Root\n");
        }
        return header(n, "Generated detection " + n + ": " + name, pick("low", "medium", "high"))
                + "logsource:\n    product: aws\n    service: cloudtrail\n"
                + "detection:\n    selection:\n"
                + sel
                + "    condition: "
                + condition
                + "\n";
    }

    private String flow(int n) {
        return header(n, "Generated flow rule " + n, "medium")
                + "logsource:\n    product: aws\n    service: vpcflowlogs\n"
                + "detection:\n    selection:\n"
                + "        dstport: "
                + pick("22", "3389", "5432", "6379", "9200")
                + "\n"
                + "        action: ACCEPT\n"
                + "    filter_private:\n"
                + "        srcaddr|cidr:\n            - 10.0.0.0/8\n            - 172.16.0.0/12\n            - 192.168.0.0/16\n"
                + "    condition: selection and not filter_private\n";
    }

    private String correlation(int n) {
        String base = "base_" + n;
        String[] t = CORRELATIONS[n % CORRELATIONS.length];
        String rules =
                "title: 'Generated base rule "
                        + n
                        + "'\nid: "
                        + id(1000 + n)
                        + "\nname: "
                        + base
                        + "\nstatus: test\nlogsource:\n    product: aws\n    service: cloudtrail\n"
                        + "detection:\n    selection:\n"
                        + t[0]
                        + "    condition: selection\nlevel: low\n";
        String second = "";
        if (t[1].equals("temporal_ordered")) {
            second =
                    "---\ntitle: 'Generated base rule "
                            + n
                            + "b'\nid: "
                            + id(2000 + n)
                            + "\nname: "
                            + base
                            + "b\nstatus: test\nlogsource:\n    product: aws\n    service: cloudtrail\n"
                            + "detection:\n    selection:\n"
                            + t[4]
                            + "    condition: selection\nlevel: low\n";
        }
        String condition =
                t[1].equals("temporal_ordered")
                        ? ""
                        : "    condition:\n"
                                + (t[4].isEmpty() ? "" : "        field: " + t[4] + "\n")
                                + "        gte: "
                                + (Integer.parseInt(t[3]) + n / CORRELATIONS.length)
                                + "\n";
        return rules
                + second
                + "---\n"
                + header(n, "Generated correlation " + n, "high")
                + "correlation:\n    type: "
                + t[1]
                + "\n    rules:\n        - "
                + base
                + (second.isEmpty() ? "" : "\n        - " + base + "b")
                + "\n    group-by:\n        - "
                + t[2]
                + "\n    timespan: 10m\n"
                + condition;
    }

    private String header(int n, String title, String level) {
        return "title: '" + title + "'\nid: " + id(n) + "\nstatus: test\nlevel: " + level + "\n";
    }

    private static String field(String name, String value) {
        return "        " + name + ": " + value + "\n";
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** A fixed UUID per rule number, so that generated sets are the same for the same seed. */
    private static String id(int n) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
    }
}
