package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.NETWORK;
import static io.trailwatch.model.Severity.LOW;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/**
 * TW-NET-02: network ACL changes; HIGH when an entry lets the internet reach admin ports (CIS 5.2).
 */
@AutoService(DetectionRule.class)
public final class NetworkAclRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-NET-02", "Network ACL changed")
                    .severity(
                            LOW,
                            "HIGH when an entry allows ingress to an admin port or all traffic from"
                                    + " 0.0.0.0/0 or ::/0; LOW otherwise")
                    .responsibility(NETWORK)
                    .controls("CIS-4.11", "CIS-5.2", "SecurityHub-CloudWatch.11")
                    .evidence("networkAclId", "change")
                    .techniques("T1562.007")
                    .remediation(
                            "Review the network ACL change; block admin ports from the internet at the ACL.");

    private static final Set<Integer> ADMIN_PORTS = Set.of(22, 3389);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "CreateNetworkAcl",
                "CreateNetworkAclEntry",
                "DeleteNetworkAcl",
                "DeleteNetworkAclEntry",
                "ReplaceNetworkAclEntry",
                "ReplaceNetworkAclAssociation");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"ec2.amazonaws.com".equals(e.source())) {
            return;
        }
        JsonNode r = e.request();
        String acl = e.requestText("networkAclId", "associationId");
        Severity severity = Severity.LOW;
        String detail = e.name();
        if (e.name().endsWith("NetworkAclEntry")
                && !e.name().startsWith("Delete")
                && "allow".equalsIgnoreCase(r.path("ruleAction").asText())
                && !Json.isTrue(r.get("egress"))) {
            JsonNode range = r.path("portRange");
            IngressPermission p =
                    new IngressPermission(
                            r.path("aclProtocol").asText(r.path("protocol").asText(null)),
                            range.has("from") ? range.path("from").asInt() : null,
                            range.has("to") ? range.path("to").asInt() : null,
                            r.path("cidrBlock").asText(r.path("ipv6CidrBlock").asText(null)));
            boolean admin =
                    p.isAllTraffic() || p.sensitivePorts().stream().anyMatch(ADMIN_PORTS::contains);
            if (p.fromInternet() && admin) {
                severity = Severity.HIGH;
                detail = "allows " + p;
            }
        }
        findings.add(
                new Finding(severity, acl, detail)
                        .with("networkAclId", acl)
                        .with("change", e.name()));
    }
}
