package io.trailwatch.ownership;

import io.trailwatch.csv.CsvTable;
import io.trailwatch.csv.CsvTableException;
import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.OwnershipRow;
import io.trailwatch.model.OwnershipTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses the ownership table CSV (the README's "Ownership table") with Apache Commons CSV,
 * strictly.
 */
public final class OwnershipTableParser {
    public static final String MATCH = "match";
    public static final String TEAM = "team";
    public static final String ENVIRONMENT = "environment";
    public static final String CONTACT = "contact";
    public static final String TRUSTED_CIDRS = "trusted_cidrs";
    private static final List<String> KNOWN =
            List.of(MATCH, TEAM, ENVIRONMENT, CONTACT, TRUSTED_CIDRS);
    private static final CsvTable TABLE =
            CsvTable.requiring(List.of(MATCH, TEAM)).allowingSpacesAroundQuotes();

    private OwnershipTableParser() {}

    public static OwnershipTable parse(Path file) throws OwnershipTableException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new OwnershipTableException(
                    "ownership table " + file + ": cannot read it: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static OwnershipTable parse(String csv, String source) throws OwnershipTableException {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        OwnershipRow[] rows;
        try {
            rows = TABLE.read(text, (header, records) -> rows(header, records, source));
        } catch (CsvTableException e) {
            throw new OwnershipTableException(
                    "ownership table " + source + ": " + e.getMessage(), e.getCause());
        }
        return new OwnershipTable(rows, source, sha256(text));
    }

    private static OwnershipRow[] rows(
            List<String> header, Iterable<CSVRecord> records, String source)
            throws OwnershipTableException {
        List<OwnershipRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CSVRecord record : records) {
            int line = (int) record.getRecordNumber() + 1;
            if (!record.isConsistent()) {
                throw new OwnershipTableException(
                        where(source, line, null)
                                + "has "
                                + record.size()
                                + " fields, the header has "
                                + header.size());
            }
            OwnershipRow row = row(record, header, source, line);
            Integer previous = seen.putIfAbsent(row.match.toLowerCase(Locale.ROOT), line);
            if (previous != null) {
                throw new OwnershipTableException(
                        where(source, line, MATCH)
                                + "'"
                                + row.match
                                + "' is already owned on line "
                                + previous);
            }
            rows.add(row);
        }
        return rows.toArray(new OwnershipRow[0]);
    }

    private static OwnershipRow row(CSVRecord record, List<String> header, String source, int line)
            throws OwnershipTableException {
        OwnershipRow row = new OwnershipRow();
        row.line = line;
        row.match = required(record, MATCH, source, line);
        if (MatchKind.of(row.match) == null) {
            throw new OwnershipTableException(
                    where(source, line, MATCH)
                            + "'"
                            + row.match
                            + "' is not a 12-digit account id, an ARN (or"
                            + " ARN prefix ending in *), a resource id, s3://bucket or a CIDR");
        }
        row.team = required(record, TEAM, source, line);
        row.environment = optional(record, ENVIRONMENT);
        row.contact = optional(record, CONTACT);
        row.trustedCidrs = cidrs(optional(record, TRUSTED_CIDRS), source, line);
        List<OwnerAttribute> attributes = new ArrayList<>();
        for (String name : header) {
            if (!KNOWN.contains(name)) {
                String value = optional(record, name);
                if (value != null) {
                    attributes.add(new OwnerAttribute(name, value));
                }
            }
        }
        row.attributes = attributes.toArray(new OwnerAttribute[0]);
        return row;
    }

    private static String[] cidrs(String value, String source, int line)
            throws OwnershipTableException {
        if (value == null) {
            return new String[0];
        }
        String[] parts = value.trim().split("\\s+");
        for (String part : parts) {
            if (Cidr.parse(part) == null) {
                throw new OwnershipTableException(
                        where(source, line, TRUSTED_CIDRS)
                                + "'"
                                + part
                                + "' is not a CIDR (such as 203.0.113.0/24)");
            }
        }
        return parts;
    }

    private static String required(CSVRecord record, String column, String source, int line)
            throws OwnershipTableException {
        String value = optional(record, column);
        if (value == null) {
            throw new OwnershipTableException(where(source, line, column) + "is empty");
        }
        return value;
    }

    private static String optional(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column).trim();
        return value.isEmpty() ? null : value;
    }

    private static String where(String source, int line, String column) {
        return "ownership table "
                + source
                + ", line "
                + line
                + (column == null ? ": " : ", column '" + column + "': ");
    }

    private static String sha256(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
