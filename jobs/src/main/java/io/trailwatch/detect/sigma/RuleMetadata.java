package io.trailwatch.detect.sigma;

import io.trailwatch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What every Sigma document says about itself: id, name, title, level, description, tags, and where
 * it was read. Tags {@code attack.tNNNN} become MITRE ATT&CK techniques, {@code cis.N.N} CIS AWS
 * Foundations controls and {@code securityhub.service.N} Security Hub controls.
 */
record RuleMetadata(
        String id,
        String name,
        String title,
        String description,
        Severity level,
        String status,
        List<String> tags,
        String file,
        int line) {
    private static final Pattern UUID =
            Pattern.compile(
                    "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TW_ID = Pattern.compile("TW-[A-Z]+-[0-9]{2}");

    static RuleMetadata read(YamlNode.Mapping doc, String file, boolean levelRequired)
            throws RuleFileException {
        String title = Documents.required(doc, "title", "the rule");
        String id = Documents.text(doc, "id");
        if (id == null) {
            throw new RuleFileException(doc.line(), "the rule '" + title + "' has no id");
        }
        if (!UUID.matcher(id).matches() && !TW_ID.matcher(id).matches()) {
            throw new RuleFileException(
                    doc.get("id").line(),
                    "id '" + id + "' is neither a UUID nor a Trailwatch id (TW-FAMILY-NN)");
        }
        String levelText = Documents.text(doc, "level");
        Severity level = null;
        if (levelText != null) {
            level = severity(levelText);
            if (level == null) {
                throw new RuleFileException(
                        doc.get("level").line(),
                        "level '"
                                + levelText
                                + "' is not informational, low, medium, high or critical");
            }
        } else if (levelRequired) {
            throw new RuleFileException(doc.line(), "the rule '" + title + "' has no level");
        }
        return new RuleMetadata(
                id,
                Documents.text(doc, "name"),
                title,
                Documents.text(doc, "description"),
                level,
                Documents.text(doc, "status"),
                Documents.texts(doc, "tags"),
                file,
                doc.line());
    }

    static Severity severity(String level) {
        switch (level.toLowerCase(Locale.ROOT)) {
            case "informational":
                return Severity.INFO;
            case "low":
                return Severity.LOW;
            case "medium":
                return Severity.MEDIUM;
            case "high":
                return Severity.HIGH;
            case "critical":
                return Severity.CRITICAL;
            default:
                return null;
        }
    }

    List<String> techniques() {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.matches("attack\\.t[0-9]{4}(\\.[0-9]{3})?")) {
                out.add(t.substring("attack.".length()).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    List<String> controls() {
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.matches("cis\\.[0-9]+(\\.[0-9]+)*")) {
                out.add("CIS-" + t.substring(4));
            } else if (l.matches("securityhub\\.[a-z0-9]+\\.[0-9]+")) {
                String rest = t.substring("securityhub.".length());
                int dot = rest.indexOf('.');
                String service = rest.substring(0, dot);
                out.add("SecurityHub-" + displayService(service) + rest.substring(dot));
            }
        }
        return out;
    }

    /** How Security Hub spells a service in its control ids (EC2, CloudTrail, KMS). */
    private static String displayService(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "cloudtrail":
                return "CloudTrail";
            case "cloudwatch":
                return "CloudWatch";
            case "config":
                return "Config";
            case "guardduty":
                return "GuardDuty";
            case "secretsmanager":
                return "SecretsManager";
            default:
                return s.length() <= 4
                        ? s.toUpperCase(Locale.ROOT)
                        : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** Where the rule is, for messages: file and line. */
    String where() {
        return file + ":" + line;
    }
}
