package io.trailwatch.ownership.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.CloudTrailEvent;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.UserIdentity;
import io.trailwatch.ownership.OwnershipTableParser;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class OwnershipJoinTest {
    private static final String HEADER = "match,team,environment,contact,trusted_cidrs\n";

    @Test
    void aNewTableTakesEffectWithoutRestart() throws Exception {
        OwnershipTable initial =
                OwnershipTableParser.parse(
                        HEADER + "111122223333,payments,prod,#payments,\n", "v1.csv");
        OwnershipTable updated =
                OwnershipTableParser.parse(
                        HEADER
                                + "111122223333,payments,prod,#payments,\n210987654321,sandbox,sandbox,#sandbox,\n",
                        "v2.csv");

        try (BroadcastOperatorTestHarness<CloudTrailEvent, OwnershipTable, CloudTrailEvent>
                harness =
                        ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                                new CloudTrailOwnershipJoin(initial),
                                OwnershipTableFunction.TABLE_STATE)) {
            harness.processElement(event("e1", "210987654321"), 1L);
            harness.processElement(event("e2", "111122223333"), 2L);
            harness.processBroadcastElement(updated, 3L);
            harness.processElement(event("e3", "210987654321"), 4L);

            assertThat(harness.extractOutputValues())
                    .extracting(e -> e.eventId + ":" + e.owner.team)
                    .containsExactly("e1:unowned", "e2:payments", "e3:sandbox");
            assertThat(
                            harness.getBroadcastState(OwnershipTableFunction.TABLE_STATE)
                                    .get("current")
                                    .version)
                    .isEqualTo(updated.version);
        }
    }

    private static CloudTrailEvent event(String id, String account) {
        CloudTrailEvent e = new CloudTrailEvent();
        e.eventId = id;
        e.recipientAccountId = account;
        e.userIdentity = new UserIdentity();
        return e;
    }
}
