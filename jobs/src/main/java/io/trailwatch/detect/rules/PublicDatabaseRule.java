package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.HIGH;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/** TW-DATA-04: an RDS instance or cluster created, changed or restored as publicly accessible. */
@AutoService(DetectionRule.class)
public final class PublicDatabaseRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-DATA-04", "RDS database made publicly accessible")
                    .severity(
                            HIGH,
                            "HIGH for every instance or cluster created, restored or modified as publicly accessible,"
                                    + " whether the request asked for it or AWS applied it (the response says so)")
                    .responsibility(DATA_PROTECTION)
                    .controls("SecurityHub-RDS.2")
                    .evidence("database", "decidedBy")
                    .techniques("T1578.005")
                    .remediation(
                            "Set PubliclyAccessible to false and reach the database from inside the VPC.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of(
                "CreateDBInstance",
                "CreateDBInstanceReadReplica",
                "ModifyDBInstance",
                "CreateDBCluster",
                "ModifyDBCluster",
                "RestoreDBInstanceFromDBSnapshot",
                "RestoreDBInstanceFromS3",
                "RestoreDBInstanceToPointInTime",
                "RestoreDBClusterFromSnapshot",
                "RestoreDBClusterFromS3",
                "RestoreDBClusterToPointInTime");
    }

    /**
     * A create or restore that leaves PubliclyAccessible out gets it from the DB subnet group (a
     * default VPC's is public), and the response states what AWS applied; a modify changes it only
     * when the request names it, and its response may still show the old value while the change is
     * applied.
     */
    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!"rds.amazonaws.com".equals(e.source())) {
            return;
        }
        JsonNode requested = e.request().get("publiclyAccessible");
        JsonNode applied = e.response().get("publiclyAccessible");
        String decidedBy;
        if (e.name().startsWith("Modify") || applied == null || applied.isNull()) {
            decidedBy = Json.isTrue(requested) ? "request" : null;
        } else {
            decidedBy =
                    Json.isTrue(applied)
                            ? (Json.isTrue(requested) ? "request" : "response (AWS default)")
                            : null;
        }
        if (decidedBy == null) {
            return;
        }
        String db =
                e.requestText(
                        "dBInstanceIdentifier",
                        "dBClusterIdentifier",
                        "targetDBInstanceIdentifier");
        if (db == null) {
            db = responseText(e, "dBInstanceIdentifier", "dBClusterIdentifier");
        }
        findings.add(
                new Finding(Severity.HIGH, db, "publicly accessible")
                        .with("database", db)
                        .with("decidedBy", decidedBy));
    }

    private static String responseText(EventView e, String... names) {
        for (String name : names) {
            JsonNode n = e.response().path(name);
            if (n.isValueNode() && !n.isNull()) {
                return n.asText();
            }
        }
        return null;
    }
}
