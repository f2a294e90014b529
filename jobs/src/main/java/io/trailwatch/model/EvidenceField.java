package io.trailwatch.model;

import java.util.Objects;

/** One decisive value behind an alert, such as the opened port or the bytes transferred. */
public class EvidenceField {
    public String name;
    public String value;

    public EvidenceField() {}

    public EvidenceField(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidenceField
                && Objects.equals(name, ((EvidenceField) o).name)
                && Objects.equals(value, ((EvidenceField) o).value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }
}
