package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.MEDIUM;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * TW-NET-01: security group ingress opened to the internet, over IPv4 and IPv6, for rules given
 * through {@code ipPermissions} of AuthorizeSecurityGroupIngress (and its older flat form) and
 * through ModifySecurityGroupRules. One alert per call, at the severity of its most dangerous
 * permission.
 */
@AutoService(DetectionRule.class)
public final class SecurityGroupOpenedRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NET-01", "Security group ingress opened to the internet")
                    .severity(
                            MEDIUM,
                            "CRITICAL when an admin or database port (22, 3389, 3306, 5432, 1433, 1521,"
                                    + " 6379, 9200, 27017) or all traffic is reachable from 0.0.0.0/0 or ::/0 (in any port"
                                    + " range); LOW for web ports 80 and 443 and ICMP; MEDIUM for other ports")
                    .responsibility(NETWORK)
                    .controls(
                            "CIS-4.10",
                            "CIS-5.3",
                            "CIS-5.4",
                            "SecurityHub-EC2.19",
                            "SecurityHub-CloudWatch.10")
                    .evidence("groupId", "protocol", "ports", "cidr", "sensitivePorts")
                    .techniques("T1562.007")
                    .remediation(
                            "Remove the rule or narrow its source to known addresses; reach admin ports"
                                    + " through SSM Session Manager or a VPN instead of the internet.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("AuthorizeSecurityGroupIngress", "ModifySecurityGroupRules");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"ec2.amazonaws.com".equals(e.source())) {
            return;
        }
        JsonNode r = e.request();
        String group;
        List<IngressPermission> permissions = new ArrayList<>();
        if (e.name().equals("ModifySecurityGroupRules")) {
            JsonNode req = r.path("ModifySecurityGroupRulesRequest");
            group = req.path("GroupId").asText(null);
            for (JsonNode update : Json.items(req.path("SecurityGroupRule"))) {
                JsonNode rule = update.path("SecurityGroupRule");
                addSources(
                        permissions,
                        rule.path("IpProtocol").asText(null),
                        integer(rule.path("FromPort")),
                        integer(rule.path("ToPort")),
                        rule.path("CidrIpv4").asText(null),
                        rule.path("CidrIpv6").asText(null));
            }
        } else {
            // a request may name the group (default VPC); the response's rules carry its id
            group = r.path("groupId").asText(null);
            if (group == null) {
                group = responseGroupId(e);
            }
            if (group == null) {
                group = r.path("groupName").asText(null);
            }
            for (JsonNode p : Json.items(r.path("ipPermissions"))) {
                String proto = p.path("ipProtocol").asText(null);
                Integer from = integer(p.path("fromPort"));
                Integer to = integer(p.path("toPort"));
                for (JsonNode range : Json.items(p.path("ipRanges"))) {
                    addSources(
                            permissions, proto, from, to, range.path("cidrIp").asText(null), null);
                }
                for (JsonNode range : Json.items(p.path("ipv6Ranges"))) {
                    addSources(
                            permissions,
                            proto,
                            from,
                            to,
                            null,
                            range.path("cidrIpv6").asText(null));
                }
            }
            if (r.has("cidrIp")) {
                addSources(
                        permissions,
                        r.path("ipProtocol").asText(null),
                        integer(r.path("fromPort")),
                        integer(r.path("toPort")),
                        r.path("cidrIp").asText(null),
                        null);
            }
        }
        List<IngressPermission> open =
                permissions.stream()
                        .filter(IngressPermission::fromInternet)
                        .collect(Collectors.toList());
        if (open.isEmpty()) {
            return;
        }
        IngressPermission worst = open.get(0);
        Severity severity = Severity.INFO;
        Set<Integer> sensitive = new TreeSet<>();
        for (IngressPermission p : open) {
            Severity s = severityOf(p);
            sensitive.addAll(p.sensitivePorts());
            if (s.ordinal() < severity.ordinal()) {
                severity = s;
                worst = p;
            }
        }
        findings.add(
                new Finding(severity, group, worst.toString())
                        .with("groupId", group)
                        .with("protocol", worst.protocol)
                        .with("ports", worst.ports())
                        .with("cidr", worst.source)
                        .with(
                                "sensitivePorts",
                                sensitive.isEmpty()
                                        ? null
                                        : sensitive.stream()
                                                .map(String::valueOf)
                                                .collect(Collectors.joining(" ")))
                        .with(
                                "permissions",
                                open.stream()
                                        .map(IngressPermission::toString)
                                        .collect(Collectors.joining("; "))));
    }

    static Severity severityOf(IngressPermission p) {
        if (p.isAllTraffic() || !p.sensitivePorts().isEmpty()) {
            return Severity.CRITICAL;
        }
        if (p.isIcmp() || p.onlyWebPorts()) {
            return Severity.LOW;
        }
        return Severity.MEDIUM;
    }

    private static void addSources(
            List<IngressPermission> out,
            String proto,
            Integer from,
            Integer to,
            String v4,
            String v6) {
        if (v4 != null) {
            out.add(new IngressPermission(proto, from, to, v4));
        }
        if (v6 != null) {
            out.add(new IngressPermission(proto, from, to, v6));
        }
    }

    private static Integer integer(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asInt();
    }

    private static String responseGroupId(EventView e) {
        for (JsonNode rule : Json.items(e.response().path("securityGroupRuleSet"))) {
            if (rule.path("groupId").isTextual()) {
                return rule.path("groupId").asText();
            }
        }
        return null;
    }
}
