package io.trailwatch.detect.sigma;

import io.trailwatch.model.Responsibility;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The responsibility area of a rule file that does not name one: flow rules are network rules;
 * CloudTrail rules take the area of the service they pin ({@code iam.amazonaws.com} is identity),
 * else governance.
 */
final class ServiceResponsibility {
    private static final Map<String, Responsibility> BY_SERVICE =
            Map.ofEntries(
                    Map.entry("iam", Responsibility.IDENTITY),
                    Map.entry("sts", Responsibility.IDENTITY),
                    Map.entry("signin", Responsibility.IDENTITY),
                    Map.entry("sso", Responsibility.IDENTITY),
                    Map.entry("identitystore", Responsibility.IDENTITY),
                    Map.entry("cognito-idp", Responsibility.IDENTITY),
                    Map.entry("cognito-identity", Responsibility.IDENTITY),
                    Map.entry("elasticloadbalancing", Responsibility.NETWORK),
                    Map.entry("wafv2", Responsibility.NETWORK),
                    Map.entry("waf", Responsibility.NETWORK),
                    Map.entry("waf-regional", Responsibility.NETWORK),
                    Map.entry("route53", Responsibility.NETWORK),
                    Map.entry("network-firewall", Responsibility.NETWORK),
                    Map.entry("cloudfront", Responsibility.NETWORK),
                    Map.entry("s3", Responsibility.DATA_PROTECTION),
                    Map.entry("rds", Responsibility.DATA_PROTECTION),
                    Map.entry("dynamodb", Responsibility.DATA_PROTECTION),
                    Map.entry("backup", Responsibility.DATA_PROTECTION),
                    Map.entry("glacier", Responsibility.DATA_PROTECTION),
                    Map.entry("secretsmanager", Responsibility.DATA_PROTECTION),
                    Map.entry("ssm", Responsibility.DATA_PROTECTION),
                    Map.entry("elasticfilesystem", Responsibility.DATA_PROTECTION),
                    Map.entry("kms", Responsibility.ENCRYPTION),
                    Map.entry("acm", Responsibility.ENCRYPTION),
                    Map.entry("cloudtrail", Responsibility.LOGGING_MONITORING),
                    Map.entry("config", Responsibility.LOGGING_MONITORING),
                    Map.entry("guardduty", Responsibility.LOGGING_MONITORING),
                    Map.entry("securityhub", Responsibility.LOGGING_MONITORING),
                    Map.entry("logs", Responsibility.LOGGING_MONITORING),
                    Map.entry("monitoring", Responsibility.LOGGING_MONITORING),
                    Map.entry("events", Responsibility.LOGGING_MONITORING),
                    Map.entry("inspector2", Responsibility.LOGGING_MONITORING),
                    Map.entry("macie2", Responsibility.LOGGING_MONITORING),
                    Map.entry("detective", Responsibility.LOGGING_MONITORING),
                    Map.entry("ec2", Responsibility.COMPUTE),
                    Map.entry("lambda", Responsibility.COMPUTE),
                    Map.entry("ecs", Responsibility.COMPUTE),
                    Map.entry("eks", Responsibility.COMPUTE),
                    Map.entry("ecr", Responsibility.COMPUTE),
                    Map.entry("elasticbeanstalk", Responsibility.COMPUTE),
                    Map.entry("sagemaker", Responsibility.COMPUTE),
                    Map.entry("organizations", Responsibility.GOVERNANCE));

    private ServiceResponsibility() {}

    static Responsibility of(LogSource source, Set<String> pinnedSources) {
        if (source == LogSource.VPC_FLOW) {
            return Responsibility.NETWORK;
        }
        if (pinnedSources != null && pinnedSources.size() >= 1) {
            Responsibility found = null;
            for (String s : pinnedSources) {
                String service = s.toLowerCase(Locale.ROOT).replace(".amazonaws.com", "");
                Responsibility r = BY_SERVICE.get(service);
                if (r == null || (found != null && found != r)) {
                    return Responsibility.GOVERNANCE;
                }
                found = r;
            }
            return found;
        }
        return Responsibility.GOVERNANCE;
    }

    static Responsibility parse(String id) {
        for (Responsibility r : Responsibility.values()) {
            if (r.id().equalsIgnoreCase(id)) {
                return r;
            }
        }
        return null;
    }
}
