package io.trailwatch.detect.rules;

import io.trailwatch.detect.RuleCatalog;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.List;
import java.util.Set;

/** TW-DATA-04: an RDS instance or cluster created, changed or restored as publicly accessible. */
public final class PublicDatabaseRule implements StatelessRule {
    @Override
    public RuleInfo info() {
        return RuleCatalog.DATA_PUBLIC_DATABASE;
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
