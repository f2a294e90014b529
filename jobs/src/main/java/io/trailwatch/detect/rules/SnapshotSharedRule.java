package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.HIGH;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TW-DATA-03: EBS snapshots, AMIs and RDS snapshots shared publicly or with accounts the ownership
 * table does not know. Sharing among owned accounts is ordinary and not an alert.
 */
@AutoService(DetectionRule.class)
public final class SnapshotSharedRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-DATA-03", "Snapshot or machine image shared outside the organization")
                    .severity(
                            HIGH,
                            "CRITICAL when shared publicly (all); HIGH when shared with an account the"
                                    + " ownership table does not know; sharing with owned accounts is not an alert")
                    .responsibility(DATA_PROTECTION)
                    .controls("SecurityHub-EC2.1", "SecurityHub-RDS.1")
                    .evidence("snapshot", "sharedWith")
                    .techniques("T1537")
                    .remediation(
                            "Remove the launch or restore permission; snapshots and images carry whole"
                                    + " disks, secrets included.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "ModifySnapshotAttribute",
                "ModifyImageAttribute",
                "ModifyDBSnapshotAttribute",
                "ModifyDBClusterSnapshotAttribute");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        JsonNode r = e.request();
        List<String> sharedWith = new ArrayList<>();
        String snapshot;
        if ("rds.amazonaws.com".equals(e.source())) {
            if (!"restore".equalsIgnoreCase(r.path("attributeName").asText())) {
                return;
            }
            snapshot = e.requestText("dBSnapshotIdentifier", "dBClusterSnapshotIdentifier");
            sharedWith.addAll(PolicyDocument.values(r.path("valuesToAdd")));
        } else if ("ec2.amazonaws.com".equals(e.source())) {
            snapshot = e.requestText("snapshotId", "imageId");
            JsonNode permission =
                    r.has("createVolumePermission")
                            ? r.path("createVolumePermission")
                            : r.path("launchPermission");
            for (JsonNode add : Json.items(permission.path("add"))) {
                if (add.has("group")) {
                    sharedWith.add(add.path("group").asText());
                } else if (add.has("userId")) {
                    sharedWith.add(add.path("userId").asText());
                }
            }
        } else {
            return;
        }
        if (sharedWith.stream().anyMatch("all"::equalsIgnoreCase)) {
            findings.add(finding(Severity.CRITICAL, snapshot, "all"));
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String account : sharedWith) {
            if (!account.equals(e.event().account()) && !context.isKnownAccount(account)) {
                unknown.add(account);
            }
        }
        if (!unknown.isEmpty()) {
            findings.add(finding(Severity.HIGH, snapshot, String.join(" ", unknown)));
        }
    }

    private static Finding finding(Severity s, String snapshot, String with) {
        return new Finding(s, snapshot, "shared with " + with)
                .with("snapshot", snapshot)
                .with("sharedWith", with);
    }
}
