package io.trailwatch.ownership;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.model.AwsRanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads AWS's published IP address ranges in the format of {@code
 * https://ip-ranges.amazonaws.com/ip-ranges.json}: {@code syncToken}, {@code createDate}, {@code
 * prefixes} ({@code ip_prefix}, {@code region}, {@code service}, {@code network_border_group}) and
 * {@code ipv6_prefixes} ({@code ipv6_prefix}, …). Strictly: whatever is wrong is an {@link
 * AwsRangesException} naming the file and the place, because a file taken for AWS's ranges decides
 * which instance-credential uses count as outside AWS.
 */
public final class AwsRangesParser {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Pattern SYNC_TOKEN = Pattern.compile("\\d{1,19}");
    private static final Pattern CREATE_DATE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * AWS announces nothing broader than these (its broadest prefixes are far narrower); a broader
     * one would turn a large share of the internet into "inside AWS" and silence TW-CRED-01 there.
     */
    static final int MIN_IPV4_PREFIX = 8;

    static final int MIN_IPV6_PREFIX = 16;

    private final String source;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private AwsRangesParser(String source) {
        this.source = source;
    }

    public static AwsRanges parse(Path file) throws AwsRangesException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AwsRangesException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(content, file.toString());
    }

    /**
     * @param source where the content came from, for messages and logs
     */
    public static AwsRanges parse(byte[] content, String source) throws AwsRangesException {
        return new AwsRangesParser(source).read(content);
    }

    private AwsRanges read(byte[] content) throws AwsRangesException {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw problem("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw problem("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw problem("not a JSON object with syncToken, createDate and prefixes");
        }
        String syncToken =
                text(root, "syncToken", "syncToken", SYNC_TOKEN, "digits (epoch seconds)");
        String createDate =
                text(root, "createDate", "createDate", CREATE_DATE, "yyyy-MM-dd-HH-mm-ss");
        JsonNode v4 = root.get("prefixes");
        if (v4 == null || !v4.isArray()) {
            throw problem("prefixes: missing, or not an array");
        }
        if (v4.isEmpty()) {
            throw problem("prefixes: empty; AWS's ranges always hold IPv4 prefixes");
        }
        prefixes(v4, "prefixes", "ip_prefix", true);
        JsonNode v6 = root.get("ipv6_prefixes");
        if (v6 != null && !v6.isNull()) {
            if (!v6.isArray()) {
                throw problem("ipv6_prefixes: not an array");
            }
            prefixes(v6, "ipv6_prefixes", "ipv6_prefix", false);
        }
        int n = entries.size();
        String[] prefixes = new String[n];
        String[] regions = new String[n];
        String[] services = new String[n];
        int i = 0;
        for (Entry e : entries.values()) {
            prefixes[i] = e.prefix;
            regions[i] = e.region;
            services[i] = String.join(" ", e.services);
            i++;
        }
        return new AwsRanges(source, syncToken, createDate, prefixes, regions, services);
    }

    private void prefixes(JsonNode array, String arrayName, String field, boolean ipv4)
            throws AwsRangesException {
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String where = arrayName + "[" + i + "]";
            if (!item.isObject()) {
                throw problem(where + ": not an object");
            }
            String text = text(item, field, where + "." + field, null, null);
            Cidr cidr = Cidr.parse(text);
            if (cidr == null || text.indexOf('/') < 0 || cidr.isIpv4() != ipv4) {
                throw problem(
                        where
                                + "."
                                + field
                                + ": '"
                                + text
                                + "' is not an "
                                + (ipv4 ? "IPv4" : "IPv6")
                                + " CIDR");
            }
            int min = ipv4 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
            if (cidr.prefixLength() < min) {
                throw problem(
                        where
                                + "."
                                + field
                                + ": '"
                                + text
                                + "' is broader than /"
                                + min
                                + ", more than AWS announces as one range");
            }
            String region = text(item, "region", where + ".region", NAME, "a region or GLOBAL");
            String service =
                    text(item, "service", where + ".service", NAME, "a service name such as EC2");
            String region2 = region;
            JsonNode group = item.get("network_border_group");
            if (group != null && !group.isNull()) {
                String g =
                        text(
                                item,
                                "network_border_group",
                                where + ".network_border_group",
                                NAME,
                                "a network border group");
                if (!g.equals(region)) {
                    region2 = region + "/" + g;
                }
            }
            String key = cidr.key();
            Entry e = entries.get(key);
            if (e == null) {
                e = new Entry(text, region2);
                entries.put(key, e);
            }
            e.services.add(service);
        }
    }

    /** A required string field, checked against {@code form} when given. */
    private String text(JsonNode node, String field, String where, Pattern form, String what)
            throws AwsRangesException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw problem(where + ": missing");
        }
        if (!v.isTextual()) {
            throw problem(
                    where
                            + ": not a string but "
                            + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String s = v.asText();
        if (form != null && !form.matcher(s).matches()) {
            throw problem(where + ": '" + shortened(s) + "' is not " + what);
        }
        return s;
    }

    private static String shortened(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private AwsRangesException problem(String what) {
        return new AwsRangesException(source + ": " + what);
    }

    /** One prefix and every service it is listed under. */
    private static final class Entry {
        final String prefix;
        final String region;
        final TreeSet<String> services = new TreeSet<>();

        Entry(String prefix, String region) {
            this.prefix = prefix;
            this.region = region;
        }
    }
}
