package io.trailwatch.detect.windowed;

import static io.trailwatch.model.Responsibility.DATA_PROTECTION;
import static io.trailwatch.model.Severity.HIGH;

import com.google.auto.service.AutoService;
import io.trailwatch.config.WindowedRuleSettings;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.RuleKind;
import io.trailwatch.detect.SignalKind;
import java.time.Duration;
import java.util.List;

/**
 * TW-EXFIL-01: mass S3 downloads by one principal, or listing the buckets then reading from
 * several.
 */
@AutoService(DetectionRule.class)
public final class S3DownloadsRule implements WindowedRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-EXFIL-01", "Mass download from S3")
                    .severity(
                            HIGH,
                            "HIGH: one principal downloads at least 1 GiB or 100 objects within 10"
                                    + " minutes, or lists the buckets and then reads from at least 3 of them; each"
                                    + " of the two patterns alerts once per burst")
                    .responsibility(DATA_PROTECTION)
                    .controls("CIS-3.9", "SecurityHub-S3.23")
                    .evidence(
                            "reason", "objects", "bytes", "distinctBuckets", "buckets", "listedAt")
                    .stateful(
                            RuleKind.WINDOWED,
                            WindowedRuleSettings.minutes(10, 10)
                                    .limit("bytes", WindowedRuleSettings.GIB)
                                    .limit("objects", 100)
                                    .limit("buckets", 3)
                                    .span("listWindow", Duration.ofMinutes(60)),
                            SignalKind.S3_ACCESS)
                    .techniques("T1530")
                    .remediation(
                            "Confirm the download with the principal's owner; if it was not theirs, revoke"
                                    + " its sessions, review the buckets' policies and what the objects held.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<ThresholdRule> detectors(WindowedRuleSettings settings) {
        return List.of(new S3Downloads(settings), new ListThenRead(settings));
    }
}
