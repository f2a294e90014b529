package io.trailwatch.detect.rules;

import static io.trailwatch.model.Responsibility.LOGGING_MONITORING;
import static io.trailwatch.model.Severity.HIGH;
import static io.trailwatch.model.Severity.MEDIUM;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import io.trailwatch.detect.DetectionRule;
import io.trailwatch.detect.RuleInfo;
import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TW-LOG-05: security monitoring removed. Security Hub disabled always counts; an alarm, metric
 * filter, EventBridge rule or log group counts when it is security monitoring (its name, or the
 * ownership table, says so), and is INFO otherwise: teams delete CPU alarms and scheduled rules all
 * day, and a rule that alerted on each would be switched off.
 */
@AutoService(DetectionRule.class)
public final class MonitoringDisabledRule implements StatelessRule {
    public static final RuleInfo INFO =
            RuleInfo.rule("TW-LOG-05", "Security monitoring disabled")
                    .severity(
                            MEDIUM,
                            "HIGH when Security Hub or its standards are disabled; MEDIUM when what was"
                                    + " deleted or disabled is security monitoring: an alarm or metric filter"
                                    + " on a CIS monitoring topic, an EventBridge rule about a security"
                                    + " service, a log group that receives CloudTrail, flow logs or security findings (or a"
                                    + " CloudTrail log stream, or its subscription filter), or anything the"
                                    + " ownership table marks as monitoring; INFO for other alarms, rules and"
                                    + " log groups")
                    .responsibility(LOGGING_MONITORING)
                    .controls("CIS-4.16")
                    .evidence("target", "change", "judgedBy")
                    .techniques("T1562.001", "T1562.008", "T1070")
                    .tuning(
                            "What counts as monitoring is judged from names, word by word (case changes"
                                    + " and punctuation split words, so `RootAccountUsage` and"
                                    + " `root-account-usage` read alike, and two adjacent words also count joined, so `GuardDuty` is guardduty): alarms and metric filters whose name"
                                    + " has a word of the CIS monitoring topics (root, mfa, unauthorized,"
                                    + " iam, cloudtrail, trail, signin, console, kms, cmk, bucket, s3, config,"
                                    + " securitygroup, sg, nacl, gateway, route, vpc, organizations,"
                                    + " guardduty, securityhub, security, cis, audit …); EventBridge rules"
                                    + " whose name has a word of a security service (guardduty,"
                                    + " securityhub, cloudtrail, config, accessanalyzer, inspector, macie,"
                                    + " detective, security, findings, compliance …); log groups whose name"
                                    + " contains `cloudtrail` or `flowlog(s)` or has a security service's word; log streams named as"
                                    + " CloudTrail names its own (`<account>_CloudTrail_<region>`). A team"
                                    + " marks its own monitoring that its names do not reveal with a"
                                    + " `monitoring` column in the ownership table: a row whose `match` is"
                                    + " the ARN of the alarm"
                                    + " (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`), the"
                                    + " EventBridge rule (`arn:aws:events:<region>:<account>:rule/<name>`,"
                                    + " `rule/<bus>/<name>` on a custom bus) or the log group"
                                    + " (`arn:aws:logs:<region>:<account>:log-group:<name>`, which also"
                                    + " covers its metric filters and streams), or an ARN prefix ending in"
                                    + " `*` (`arn:aws:cloudwatch:*` is not a prefix; name the region and"
                                    + " account), with `monitoring` set to `yes` or `true`.")
                    .remediation(
                            "Restore the monitoring that was removed and check what it would have caught"
                                    + " in the meantime.");

    private static final Map<String, String> SOURCES =
            Map.of(
                    "DisableSecurityHub", "securityhub.amazonaws.com",
                    "BatchDisableStandards", "securityhub.amazonaws.com",
                    "DeleteLogGroup", "logs.amazonaws.com",
                    "DeleteLogStream", "logs.amazonaws.com",
                    "DeleteMetricFilter", "logs.amazonaws.com",
                    "DeleteSubscriptionFilter", "logs.amazonaws.com",
                    "DeleteAlarms", "monitoring.amazonaws.com",
                    "DisableAlarmActions", "monitoring.amazonaws.com",
                    "DisableRule", "events.amazonaws.com",
                    "DeleteRule", "events.amazonaws.com");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Set<String> eventNames() {
        return SOURCES.keySet();
    }

    @Override
    public List<String> inputs() {
        return SOURCES.entrySet().stream()
                .map(s -> s.getValue() + " " + s.getKey())
                .sorted()
                .toList();
    }

    @Override
    public void evaluate(EventView e, RuleContext context, List<Finding> findings) {
        if (!e.source().equals(SOURCES.get(e.name()))) {
            return;
        }
        MonitoringArns arns = new MonitoringArns(e.event());
        switch (e.name()) {
            case "DisableSecurityHub":
            case "BatchDisableStandards":
                findings.add(
                        finding(
                                HIGH,
                                "Security Hub in account " + e.event().account(),
                                e.name(),
                                "Security Hub always is"));
                break;
            case "DeleteLogGroup":
                logGroup(e, context, arns, findings);
                break;
            case "DeleteLogStream":
                logStream(e, context, arns, findings);
                break;
            case "DeleteMetricFilter":
            case "DeleteSubscriptionFilter":
                logGroupFilter(e, context, arns, findings);
                break;
            case "DeleteAlarms":
            case "DisableAlarmActions":
                alarms(e, context, arns, findings);
                break;
            default:
                eventBridgeRule(e, context, arns, findings);
        }
    }

    private static void logGroup(
            EventView e, RuleContext context, MonitoringArns arns, List<Finding> findings) {
        String group = e.requestText("logGroupName");
        String why = logGroupJudgement(group, context, arns);
        findings.add(
                finding(
                        why != null ? MEDIUM : Severity.INFO,
                        group,
                        "log group deleted",
                        why != null ? why : "not recognised as security monitoring"));
    }

    /** Log streams come and go with every Lambda function and container: only audit logs count. */
    private static void logStream(
            EventView e, RuleContext context, MonitoringArns arns, List<Finding> findings) {
        String group = e.requestText("logGroupName");
        String stream = e.requestText("logStreamName");
        String why =
                MonitoringNames.isCloudTrailStream(stream)
                        ? "a CloudTrail log stream (" + stream + ")"
                        : logGroupJudgement(group, context, arns);
        if (why != null) {
            findings.add(finding(MEDIUM, group + " " + stream, "log stream deleted", why));
        }
    }

    private static void logGroupFilter(
            EventView e, RuleContext context, MonitoringArns arns, List<Finding> findings) {
        String group = e.requestText("logGroupName");
        String filter = e.requestText("filterName");
        boolean metric = e.name().equals("DeleteMetricFilter");
        String word = metric ? MonitoringNames.cisMonitoringWord(filter) : null;
        String why =
                word != null
                        ? "its name is about " + word + " (CIS monitoring)"
                        : logGroupJudgement(group, context, arns);
        String change = metric ? "metric filter deleted" : "subscription filter deleted";
        if (why != null) {
            findings.add(finding(MEDIUM, group + " " + filter, change, why));
        } else if (metric) {
            findings.add(
                    finding(
                            Severity.INFO,
                            group + " " + filter,
                            change,
                            "not recognised as security monitoring"));
        }
    }

    private static String logGroupJudgement(
            String group, RuleContext context, MonitoringArns arns) {
        String receives = MonitoringNames.auditLogGroup(group);
        if (receives != null) {
            return "its log group receives " + receives;
        }
        return group != null && context.marksMonitoring(arns.logGroup(group))
                ? "marked monitoring in the ownership table"
                : null;
    }

    private static void alarms(
            EventView e, RuleContext context, MonitoringArns arns, List<Finding> findings) {
        List<String> monitoring = new ArrayList<>();
        List<String> other = new ArrayList<>();
        String why = null;
        for (JsonNode n : Json.items(e.request().path("alarmNames"))) {
            String name = n.asText();
            String word = MonitoringNames.cisMonitoringWord(name);
            String reason =
                    word != null
                            ? "its name is about " + word + " (CIS monitoring)"
                            : context.marksMonitoring(arns.alarm(name))
                                    ? "marked monitoring in the ownership table"
                                    : null;
            if (reason != null) {
                monitoring.add(name);
                why = why == null ? reason : why;
            } else {
                other.add(name);
            }
        }
        String change =
                e.name().equals("DeleteAlarms") ? "alarm deleted" : "alarm actions disabled";
        if (!monitoring.isEmpty()) {
            findings.add(finding(MEDIUM, String.join(" ", monitoring), change, why));
        } else if (!other.isEmpty()) {
            findings.add(
                    finding(
                            Severity.INFO,
                            String.join(" ", other),
                            change,
                            "not recognised as security monitoring"));
        }
    }

    private static void eventBridgeRule(
            EventView e, RuleContext context, MonitoringArns arns, List<Finding> findings) {
        String name = e.requestText("name");
        String bus = e.requestText("eventBusName");
        String word = MonitoringNames.securityServiceWord(name);
        String why =
                word != null
                        ? "its name is about " + word + " (a security service)"
                        : name != null && context.marksMonitoring(arns.eventRule(bus, name))
                                ? "marked monitoring in the ownership table"
                                : null;
        String change =
                e.name().equals("DeleteRule")
                        ? "EventBridge rule deleted"
                        : "EventBridge rule disabled";
        findings.add(
                finding(
                        why != null ? MEDIUM : Severity.INFO,
                        name,
                        change,
                        why != null ? why : "not recognised as security monitoring"));
    }

    private static Finding finding(Severity severity, String target, String change, String why) {
        return new Finding(severity, target, change)
                .with("target", target)
                .with("change", change)
                .with("judgedBy", why);
    }
}
