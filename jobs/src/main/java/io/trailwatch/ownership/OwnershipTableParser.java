package io.trailwatch.ownership;

import io.trailwatch.csv.CsvPositions;
import io.trailwatch.csv.CsvTable;
import io.trailwatch.csv.CsvTableException;
import io.trailwatch.csv.Utf8Text;
import io.trailwatch.model.OwnerAttribute;
import io.trailwatch.model.OwnershipRow;
import io.trailwatch.model.OwnershipTable;
import java.io.IOException;
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
 * strictly: every problem is an {@link OwnershipTableException} naming the file, the physical line
 * and the column.
 */
public final class OwnershipTableParser {
    public static final String MATCH = "match";
    public static final String TEAM = "team";
    public static final String ENVIRONMENT = "environment";
    public static final String CONTACT = "contact";
    public static final String TRUSTED_CIDRS = "trusted_cidrs";
    public static final String ALLOW_BROAD_TRUST = "allow_broad_trust";

    /**
     * A further column (carried along as an owner attribute) that marks a resource as security
     * monitoring, which TW-LOG-05 reads; its values are checked like the other yes/no column's.
     */
    public static final String MONITORING = "monitoring";

    private static final List<String> KNOWN =
            List.of(MATCH, TEAM, ENVIRONMENT, CONTACT, TRUSTED_CIDRS, ALLOW_BROAD_TRUST);
    private static final CsvTable TABLE =
            CsvTable.requiring(List.of(MATCH, TEAM)).allowingSpacesAroundQuotes();

    /** How much of a value a message quotes. */
    private static final int QUOTED = 100;

    private final String source;
    private final TrustedCidrLimit trust;
    private final CsvPositions positions;
    private final Map<String, OwnershipRow> owned = new HashMap<>();
    private List<String> header = List.of();

    private OwnershipTableParser(String source, TrustedCidrLimit trust, CsvPositions positions) {
        this.source = source;
        this.trust = trust;
        this.positions = positions;
    }

    public static OwnershipTable parse(Path file) throws OwnershipTableException {
        return parse(file, TrustedCidrLimit.DEFAULT);
    }

    public static OwnershipTable parse(Path file, TrustedCidrLimit trust)
            throws OwnershipTableException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new OwnershipTableException(
                    "ownership table " + file + ": cannot read it: " + e.getMessage(), e);
        }
        return parse(content, file.toString(), trust);
    }

    /** The table as a file's bytes, which must be UTF-8. */
    public static OwnershipTable parse(byte[] content, String source, TrustedCidrLimit trust)
            throws OwnershipTableException {
        String text;
        try {
            text = Utf8Text.decode(content);
        } catch (CsvTableException e) {
            throw problem(source, e);
        }
        return parse(text, source, trust);
    }

    public static OwnershipTable parse(String csv, String source) throws OwnershipTableException {
        return parse(csv, source, TrustedCidrLimit.DEFAULT);
    }

    public static OwnershipTable parse(String csv, String source, TrustedCidrLimit trust)
            throws OwnershipTableException {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        OwnershipTableParser parser =
                new OwnershipTableParser(source, trust, TABLE.positionsIn(text));
        OwnershipRow[] rows;
        try {
            rows = TABLE.read(text, parser::rows);
        } catch (CsvTableException e) {
            throw problem(source, e);
        }
        return new OwnershipTable(rows, source, sha256(text));
    }

    private static OwnershipTableException problem(String source, CsvTableException e) {
        return new OwnershipTableException(e.in("ownership table " + source), e.getCause());
    }

    private OwnershipRow[] rows(List<String> header, Iterable<CSVRecord> records)
            throws OwnershipTableException {
        this.header = header;
        checkHeader(header);
        List<OwnershipRow> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            if (!record.isConsistent()) {
                throw new OwnershipTableException(
                        where(record)
                                + "has "
                                + record.size()
                                + " fields, the header has "
                                + header.size());
            }
            OwnershipRow row = row(record);
            claim(record, row);
            rows.add(row);
        }
        return rows.toArray(new OwnershipRow[0]);
    }

    private void checkHeader(List<String> header) throws OwnershipTableException {
        int further = 0;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            int length = name.codePointCount(0, name.length());
            if (length > OwnershipFieldLimits.COLUMN_NAME) {
                throw new OwnershipTableException(
                        "ownership table "
                                + source
                                + ", "
                                + positions.ofHeader(i)
                                + ": the header names a column of "
                                + length
                                + " characters, "
                                + quote(name)
                                + "; at most "
                                + OwnershipFieldLimits.COLUMN_NAME);
            }
            if (!KNOWN.contains(name)) {
                further++;
            }
        }
        if (further > OwnershipFieldLimits.FURTHER_COLUMNS) {
            throw new OwnershipTableException(
                    "ownership table "
                            + source
                            + ", line "
                            + positions.ofHeader(0).line()
                            + ": the header has "
                            + further
                            + " further columns (owner attributes); at most "
                            + OwnershipFieldLimits.FURTHER_COLUMNS);
        }
    }

    private OwnershipRow row(CSVRecord record) throws OwnershipTableException {
        // Every value is bounded before anything looks at it, or quotes it in a message.
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            int length = record.get(i).codePointCount(0, record.get(i).length());
            int max = OwnershipFieldLimits.characters(column);
            if (length > max) {
                throw new OwnershipTableException(
                        where(record, column)
                                + "is "
                                + length
                                + " characters long; at most "
                                + max
                                + (column.equals(MATCH) ? " (the longest ARN AWS accepts)" : ""));
            }
        }
        OwnershipRow row = new OwnershipRow();
        row.line = positions.of(record).line();
        row.match = required(record, MATCH);
        if (MatchKind.of(row.match) == null) {
            throw new OwnershipTableException(
                    where(record, MATCH)
                            + quote(row.match)
                            + " is not a 12-digit account id, an ARN (or"
                            + " ARN prefix ending in *), a resource id, s3://bucket or a CIDR");
        }
        row.team = required(record, TEAM);
        row.environment = optional(record, ENVIRONMENT);
        row.contact = optional(record, CONTACT);
        row.trustedCidrs = trustedCidrs(record, yesOrNo(record, ALLOW_BROAD_TRUST));
        if (header.contains(MONITORING)) {
            yesOrNo(record, MONITORING);
        }
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

    /**
     * One owner per match. Two CIDRs of the same network ({@code 10.0.0.0/8} and {@code
     * 10.1.2.3/8}, or an IPv6 network written two ways) are the same match; a network inside
     * another is not: the most specific row wins, which is how a team's range is carved out of a
     * wider one.
     */
    private void claim(CSVRecord record, OwnershipRow row) throws OwnershipTableException {
        String key =
                MatchKind.of(row.match) == MatchKind.CIDR
                        ? "network " + Cidr.parse(row.match).key()
                        : row.match.toLowerCase(Locale.ROOT);
        OwnershipRow previous = owned.putIfAbsent(key, row);
        if (previous == null) {
            return;
        }
        if (previous.match.equalsIgnoreCase(row.match)) {
            throw new OwnershipTableException(
                    where(record, MATCH)
                            + quote(row.match)
                            + " is already owned on line "
                            + previous.line);
        }
        throw new OwnershipTableException(
                where(record, MATCH)
                        + quote(row.match)
                        + " is the same network as "
                        + quote(previous.match)
                        + ", already owned on line "
                        + previous.line
                        + " (team "
                        + quote(previous.team)
                        + ")");
    }

    /** A yes/no column: yes or true, no or false, empty for no. */
    private boolean yesOrNo(CSVRecord record, String column) throws OwnershipTableException {
        String value = optional(record, column);
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes":
            case "true":
                return true;
            case "no":
            case "false":
                return false;
            default:
                throw new OwnershipTableException(
                        where(record, column)
                                + quote(value)
                                + " is neither yes (or true) nor no (or false)");
        }
    }

    private String[] trustedCidrs(CSVRecord record, boolean broadAllowed)
            throws OwnershipTableException {
        String value = optional(record, TRUSTED_CIDRS);
        if (value == null) {
            return new String[0];
        }
        String[] parts = value.split("\\s+");
        if (parts.length > OwnershipFieldLimits.TRUSTED_RANGES) {
            throw new OwnershipTableException(
                    where(record, TRUSTED_CIDRS)
                            + "names "
                            + parts.length
                            + " ranges; at most "
                            + OwnershipFieldLimits.TRUSTED_RANGES
                            + " per row");
        }
        for (String part : parts) {
            Cidr range = Cidr.parse(part);
            if (range == null) {
                throw new OwnershipTableException(
                        where(record, TRUSTED_CIDRS)
                                + quote(part)
                                + " is not a CIDR (such as 203.0.113.0/24)");
            }
            if (!broadAllowed && !trust.allows(range)) {
                throw new OwnershipTableException(
                        where(record, TRUSTED_CIDRS)
                                + quote(part)
                                + " is broader than /"
                                + trust.shortestPrefix(range)
                                + ", the broadest "
                                + (range.isIpv4() ? "IPv4" : "IPv6")
                                + " range a row may trust: every row's trusted ranges are exempt"
                                + " from TW-EXFIL-02 and the other public-address rules across the"
                                + " organization, and from TW-CRED-01 for the row's owner; narrow it,"
                                + " or write yes in an "
                                + ALLOW_BROAD_TRUST
                                + " column of this row");
            }
        }
        return parts;
    }

    private String required(CSVRecord record, String column) throws OwnershipTableException {
        String value = optional(record, column);
        if (value == null) {
            throw new OwnershipTableException(where(record, column) + "is empty");
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

    /** The record's line, for a problem with the record as a whole. */
    private String where(CSVRecord record) {
        return "ownership table " + source + ", line " + positions.of(record).line() + ": ";
    }

    /**
     * The line the column's value starts on, which a value spanning lines before it pushes down.
     */
    private String where(CSVRecord record, String column) {
        int index = header.indexOf(column);
        return "ownership table "
                + source
                + ", line "
                + positions.of(record, index).line()
                + ", column '"
                + column
                + "': ";
    }

    /**
     * A value in quotes, cut short and with its line breaks and tabs escaped: a message is one
     * line, whatever the table holds.
     */
    private static String quote(String value) {
        String shown = value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value;
        shown = shown.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return "'"
                + shown
                + "'"
                + (value.length() > QUOTED ? " (" + value.length() + " characters)" : "");
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
