package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.HIGH;

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
                    .severity(HIGH, "HIGH for every instance or cluster set publicly accessible")
                    .responsibility(DATA_PROTECTION)
                    .controls("SecurityHub-RDS.2")
                    .evidence("database")
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
                "ModifyDBInstance",
                "CreateDBCluster",
                "ModifyDBCluster",
                "RestoreDBInstanceFromDBSnapshot",
                "RestoreDBInstanceToPointInTime",
                "RestoreDBClusterFromSnapshot");
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if ("rds.amazonaws.com".equals(e.source())
                && Json.isTrue(e.request().get("publiclyAccessible"))) {
            String db =
                    e.requestText(
                            "dBInstanceIdentifier",
                            "dBClusterIdentifier",
                            "targetDBInstanceIdentifier");
            findings.add(
                    new Finding(Severity.HIGH, db, "publicly accessible").with("database", db));
        }
    }
}
