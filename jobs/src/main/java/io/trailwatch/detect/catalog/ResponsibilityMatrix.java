package io.trailwatch.detect.catalog;

import io.trailwatch.detect.RuleInfo;
import io.trailwatch.detect.windowed.UnownedAccountRule;
import io.trailwatch.model.OwnershipRow;
import io.trailwatch.model.OwnershipTable;
import io.trailwatch.model.Responsibility;
import io.trailwatch.ownership.MatchKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who owns what, before an incident: per team, what the ownership table gives them, which areas of
 * the customer's side of the shared responsibility model the catalog watches for them (by what they
 * own: a bucket brings data protection, a security group network, an account everything), with the
 * rules and controls; and the accounts the table mentions but that have no owner.
 */
public final class ResponsibilityMatrix {
    private static final Pattern ACCOUNT_IN_ARN =
            Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}):");

    private ResponsibilityMatrix() {}

    public static String markdown(OwnershipTable table, List<RuleInfo> rules) {
        Map<String, Team> teams = new LinkedHashMap<>();
        Set<String> ownedAccounts = new TreeSet<>();
        Set<String> mentionedAccounts = new TreeSet<>();
        for (OwnershipRow row : table.rows) {
            Team t = teams.computeIfAbsent(row.team, Team::new);
            t.owns.add(row.match);
            if (row.contact != null) {
                t.contacts.add(row.contact);
            }
            if (row.environment != null) {
                t.environments.add(row.environment);
            }
            MatchKind kind = MatchKind.of(row.match);
            t.areas.addAll(areas(kind, row.match));
            if (kind == MatchKind.ACCOUNT) {
                ownedAccounts.add(row.match);
            }
            Matcher m = ACCOUNT_IN_ARN.matcher(row.match);
            if (m.find()) {
                mentionedAccounts.add(m.group(1));
            }
        }
        StringBuilder out = new StringBuilder("# Responsibility matrix\n\n");
        out.append("From ownership table ")
                .append(MarkdownText.inline(table.source))
                .append(" (version ")
                .append(MarkdownText.inline(table.version))
                .append(
                        "). Each team answers for the areas its rows bring; the rules and controls Trailwatch"
                                + " watches in each area are listed.\n\n");
        out.append(
                "| team | environment | contact | owns | areas watched |\n|---|---|---|---|---|\n");
        for (Team t : teams.values()) {
            List<String> areaNames = new ArrayList<>();
            t.areas.forEach(a -> areaNames.add(a.id()));
            out.append("| ")
                    .append(MarkdownText.inline(t.name))
                    .append(" | ")
                    .append(MarkdownText.list(t.environments))
                    .append(" | ")
                    .append(MarkdownText.list(t.contacts))
                    .append(" | ")
                    .append(MarkdownText.list(t.owns))
                    .append(" | ")
                    .append(String.join(", ", areaNames))
                    .append(" |\n");
        }
        for (Team t : teams.values()) {
            out.append("\n## ")
                    .append(MarkdownText.inline(t.name))
                    .append("\n\n| area | rules | controls |\n|---|---|---|\n");
            for (Responsibility area : t.areas) {
                Set<String> ruleIds = new TreeSet<>();
                Set<String> controls = new TreeSet<>();
                for (RuleInfo r : rules) {
                    if (r.responsibility() == area) {
                        ruleIds.add(r.id());
                        controls.addAll(r.controls());
                    }
                }
                out.append("| ")
                        .append(area.id())
                        .append(" | ")
                        .append(MarkdownText.list(ruleIds))
                        .append(" | ")
                        .append(MarkdownText.list(controls))
                        .append(" |\n");
            }
        }
        mentionedAccounts.removeAll(ownedAccounts);
        out.append("\n## Accounts without an owner\n\n");
        if (mentionedAccounts.isEmpty()) {
            out.append("None of the accounts the table mentions lacks an account row.");
        } else {
            out.append("Mentioned in the table, but no row owns the account itself: ")
                    .append(MarkdownText.list(mentionedAccounts))
                    .append('.');
        }
        out.append(" Any account not in the table is unowned: its activity raises ")
                .append(UnownedAccountRule.INFO.id())
                .append(".\n");
        return out.toString();
    }

    /** The areas a row of this kind makes its team answer for. */
    static Set<Responsibility> areas(MatchKind kind, String match) {
        switch (kind) {
            case ACCOUNT:
                return EnumSet.allOf(Responsibility.class);
            case BUCKET:
                return EnumSet.of(Responsibility.DATA_PROTECTION);
            case CIDR:
                return EnumSet.of(Responsibility.NETWORK);
            case RESOURCE_ID:
                return resourceAreas(match);
            default:
                return arnAreas(match);
        }
    }

    private static Set<Responsibility> resourceAreas(String id) {
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
        switch (prefix) {
            case "i":
                return EnumSet.of(Responsibility.COMPUTE, Responsibility.NETWORK);
            case "snap":
            case "ami":
            case "vol":
                return EnumSet.of(Responsibility.DATA_PROTECTION);
            case "sg":
            case "eni":
            case "vpc":
            case "subnet":
            case "acl":
            case "rtb":
            case "igw":
            case "nat":
            case "pcx":
            case "tgw":
            case "vpce":
                return EnumSet.of(Responsibility.NETWORK);
            default:
                return EnumSet.of(Responsibility.ENCRYPTION);
        }
    }

    private static Set<Responsibility> arnAreas(String arn) {
        String[] parts = arn.split(":", 6);
        String service = parts.length > 2 ? parts[2] : "";
        switch (service) {
            case "iam":
            case "sts":
                return EnumSet.of(Responsibility.IDENTITY);
            case "s3":
            case "rds":
            case "sns":
            case "sqs":
            case "ecr":
            case "secretsmanager":
                return EnumSet.of(Responsibility.DATA_PROTECTION);
            case "kms":
                return EnumSet.of(Responsibility.ENCRYPTION);
            case "ec2":
            case "lambda":
            case "ecs":
                return EnumSet.of(Responsibility.COMPUTE);
            case "cloudtrail":
            case "logs":
            case "guardduty":
            case "config":
                return EnumSet.of(Responsibility.LOGGING_MONITORING);
            case "organizations":
                return EnumSet.of(Responsibility.GOVERNANCE);
            case "wafv2":
            case "elasticloadbalancing":
                return EnumSet.of(Responsibility.NETWORK);
            default:
                return EnumSet.of(Responsibility.GOVERNANCE);
        }
    }

    private static final class Team {
        final String name;
        final Set<String> owns = new TreeSet<>();
        final Set<String> contacts = new TreeSet<>();
        final Set<String> environments = new TreeSet<>();
        final Set<Responsibility> areas = EnumSet.noneOf(Responsibility.class);

        Team(String name) {
            this.name = name;
        }
    }
}
