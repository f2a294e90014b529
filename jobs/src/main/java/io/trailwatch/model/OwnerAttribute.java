package io.trailwatch.model;

import java.io.Serializable;
import java.util.Objects;

/** A further ownership-table column (name and value), carried along with the owner. */
public class OwnerAttribute implements Serializable {
    private static final long serialVersionUID = 1L;

    public String name;
    public String value;

    public OwnerAttribute() {}

    public OwnerAttribute(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnerAttribute
                && Objects.equals(name, ((OwnerAttribute) o).name)
                && Objects.equals(value, ((OwnerAttribute) o).value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }
}
