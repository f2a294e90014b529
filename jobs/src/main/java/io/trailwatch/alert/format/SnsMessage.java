package io.trailwatch.alert.format;

import java.nio.charset.StandardCharsets;

/** What is published to SNS for one alert: body, e-mail subject and message attributes. */
public final class SnsMessage {
    public final String body;
    public final String subject;

    /** Attribute names, parallel to {@link #attributeValues}; all of data type String. */
    public final String[] attributeNames;

    public final String[] attributeValues;

    SnsMessage(String body, String subject, String[] attributeNames, String[] attributeValues) {
        this.body = body;
        this.subject = subject;
        this.attributeNames = attributeNames;
        this.attributeValues = attributeValues;
    }

    /**
     * What SNS counts against its 256 KiB limit: the body and every attribute's name, type and
     * value.
     */
    public static int sizeInBytes(String body, String[] names, String[] values) {
        int size = utf8(body);
        for (int i = 0; i < names.length; i++) {
            size += utf8(names[i]) + utf8(SnsMessages.STRING_TYPE) + utf8(values[i]);
        }
        return size;
    }

    public int sizeInBytes() {
        return sizeInBytes(body, attributeNames, attributeValues);
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
