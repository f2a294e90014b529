package io.trailwatch.detect.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the name of an alarm, metric filter, EventBridge rule, log group or log stream says about
 * whether it is security monitoring. A deletion event names what it deletes and nothing more, so
 * the name is what a stateless rule can judge; the ownership table's {@code monitoring} column
 * marks what names do not tell.
 *
 * <p>Names are split into words (at punctuation and at lower-to-upper case changes, so {@code
 * RootAccountUsage} and {@code root-account-usage} read alike) and a word must match whole: {@code
 * cpu-mon} is no alarm on the root account, and {@code trailwatch-refresh} names no trail.
 */
final class MonitoringNames {
    /**
     * Words of the CIS AWS Foundations Benchmark's monitoring section (4.1 to 4.16): unauthorized
     * calls, sign-in without MFA, root use, IAM policy, CloudTrail, sign-in failure, key deletion,
     * bucket policy, Config, security group, network ACL, gateway, route table, VPC and
     * Organizations changes.
     */
    private static final Set<String> CIS_MONITORING =
            Set.of(
                    "unauthorized",
                    "unauthorised",
                    "denied",
                    "accessdenied",
                    "mfa",
                    "nomfa",
                    "root",
                    "iam",
                    "cloudtrail",
                    "trail",
                    "signin",
                    "login",
                    "console",
                    "kms",
                    "cmk",
                    "bucket",
                    "s3",
                    "config",
                    "securitygroup",
                    "securitygroups",
                    "sg",
                    "nacl",
                    "networkacl",
                    "acl",
                    "gateway",
                    "igw",
                    "route",
                    "routes",
                    "routetable",
                    "vpc",
                    "organization",
                    "organizations",
                    "guardduty",
                    "securityhub",
                    "security",
                    "cis",
                    "audit");

    /**
     * Words naming the security services whose findings and changes an EventBridge rule carries to
     * a person: GuardDuty, Security Hub, CloudTrail, Config, IAM Access Analyzer, Inspector, Macie,
     * Detective, and security findings in general.
     */
    private static final Set<String> SECURITY_SERVICES =
            Set.of(
                    "guardduty",
                    "securityhub",
                    "cloudtrail",
                    "config",
                    "accessanalyzer",
                    "analyzer",
                    "iam",
                    "inspector",
                    "macie",
                    "detective",
                    "security",
                    "finding",
                    "findings",
                    "cis",
                    "audit",
                    "compliance");

    /** CloudTrail's own stream names in a log group: {@code <account>_CloudTrail_<region>}. */
    private static final Pattern CLOUDTRAIL_STREAM =
            Pattern.compile("\\d{12}_CloudTrail_[a-z]{2}(-[a-z]+)+-\\d+");

    private MonitoringNames() {}

    /** The word that makes an alarm or metric filter CIS monitoring, or {@code null}. */
    static String cisMonitoringWord(String name) {
        return firstWordIn(name, CIS_MONITORING);
    }

    /** The word that makes an EventBridge rule concern security services, or {@code null}. */
    static String securityServiceWord(String name) {
        return firstWordIn(name, SECURITY_SERVICES);
    }

    /**
     * What a log group receives, judged by its name: "CloudTrail" (the console names trail log
     * groups {@code aws-cloudtrail-logs-…}, older ones {@code CloudTrail/DefaultLogGroup}), "VPC
     * flow logs" ({@code …flow-logs…}, {@code …flowlogs…}), security data (a security service's
     * word in its name, e.g. {@code /aws/guardduty/findings}), or {@code null}.
     */
    static String auditLogGroup(String logGroupName) {
        if (logGroupName == null) {
            return null;
        }
        String squeezed = logGroupName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (squeezed.contains("cloudtrail")) {
            return "CloudTrail";
        }
        if (squeezed.contains("flowlog")) {
            return "VPC flow logs";
        }
        String word = securityServiceWord(logGroupName);
        return word == null ? null : "security data (" + word + ")";
    }

    /** Whether a log stream is one CloudTrail writes (whatever its log group is called). */
    static boolean isCloudTrailStream(String logStreamName) {
        return logStreamName != null && CLOUDTRAIL_STREAM.matcher(logStreamName).matches();
    }

    private static String firstWordIn(String name, Set<String> words) {
        if (name == null) {
            return null;
        }
        List<String> split = words(name);
        for (int i = 0; i < split.size(); i++) {
            // "GuardDuty", "SecurityHub" and "CloudTrail" split in two: the pair is the word
            if (i + 1 < split.size() && words.contains(split.get(i) + split.get(i + 1))) {
                return split.get(i) + split.get(i + 1);
            }
            if (words.contains(split.get(i))) {
                return split.get(i);
            }
        }
        return null;
    }

    /** The name's words, lower case: split at non-letters-or-digits and at case changes. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, out);
                continue;
            }
            if (word.length() > 0 && Character.isUpperCase(c)) {
                char previous = name.charAt(i - 1);
                boolean nextLower =
                        i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                // "RootAccount" splits before A; "APICalls" splits before C, not inside API
                if (Character.isLowerCase(previous)
                        || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextLower)) {
                    flush(word, out);
                }
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }
}
