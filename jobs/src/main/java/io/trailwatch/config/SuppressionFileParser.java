package io.trailwatch.config;

import io.trailwatch.csv.CsvPositions;
import io.trailwatch.csv.CsvTable;
import io.trailwatch.csv.CsvTableException;
import io.trailwatch.csv.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a suppression file: CSV with the header {@code
 * rule_id,account,principal,resource,reason,expires} (see schemas/suppression.schema.json). Every
 * entry needs a reason and an expiry date, so that no suppression outlives the reason it was made
 * for; at least one of account, principal and resource. Rule ids are checked against the rules the
 * caller knows.
 */
public final class SuppressionFileParser {
    static final List<String> COLUMNS =
            List.of("rule_id", "account", "principal", "resource", "reason", "expires");
    private static final CsvTable TABLE = CsvTable.withColumns(COLUMNS);

    private SuppressionFileParser() {}

    public static List<Suppression> parse(Path file, Predicate<String> knownRule)
            throws ConfigException {
        String text;
        try {
            text = Utf8Text.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(
                    "suppression file " + file + ": cannot read it: " + e.getMessage());
        } catch (CsvTableException e) {
            throw problem(file.toString(), e);
        }
        return parse(text, file.toString(), knownRule);
    }

    public static List<Suppression> parse(String csv, String source, Predicate<String> knownRule)
            throws ConfigException {
        try {
            CsvPositions positions = TABLE.positionsIn(csv);
            return TABLE.read(
                    csv, (header, records) -> suppressions(records, positions, source, knownRule));
        } catch (CsvTableException e) {
            throw problem(source, e);
        }
    }

    private static List<Suppression> suppressions(
            Iterable<CSVRecord> records,
            CsvPositions positions,
            String source,
            Predicate<String> knownRule)
            throws ConfigException {
        List<Suppression> out = new ArrayList<>();
        for (CSVRecord r : records) {
            // the physical line, not the record number: blank lines and values over several
            // lines would put them apart
            int line = positions.of(r).line();
            String where = "suppression file " + source + ", line " + line + ", column ";
            String rule = value(r, "rule_id");
            if (rule == null || !rule.equals("*") && !knownRule.test(rule)) {
                throw new ConfigException(
                        where
                                + "'rule_id': '"
                                + rule
                                + "' is not a rule id (see trailwatch rules) or *");
            }
            String account = value(r, "account");
            String principal = value(r, "principal");
            String resource = value(r, "resource");
            if (account == null && principal == null && resource == null) {
                throw new ConfigException(
                        "suppression file "
                                + source
                                + ", line "
                                + line
                                + ": give at least one of account, principal, resource");
            }
            String reason = value(r, "reason");
            if (reason == null) {
                throw new ConfigException(
                        where + "'reason': is empty; say why this activity is known-good");
            }
            String expires = value(r, "expires");
            long expiresAt;
            try {
                expiresAt =
                        LocalDate.parse(expires == null ? "" : expires)
                                .plusDays(1)
                                .atStartOfDay()
                                .toInstant(ZoneOffset.UTC)
                                .toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new ConfigException(
                        where + "'expires': '" + expires + "' is not a date (YYYY-MM-DD)");
            }
            out.add(new Suppression(rule, account, principal, resource, reason, expiresAt, line));
        }
        return out;
    }

    private static ConfigException problem(String source, CsvTableException e) {
        return new ConfigException(e.in("suppression file " + source));
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isSet(column)) {
            return null;
        }
        String v = r.get(column).trim();
        return v.isEmpty() ? null : v;
    }
}
