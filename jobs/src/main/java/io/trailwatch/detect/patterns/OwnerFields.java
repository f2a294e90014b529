package io.trailwatch.detect.patterns;

import io.trailwatch.model.NullableStrings;
import io.trailwatch.model.Owner;
import io.trailwatch.model.OwnerAttribute;
import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Owners inside hand-written serializers ({@link SignalSerializer}): written, read and copied. */
public final class OwnerFields {
    private OwnerFields() {}

    public static void writeOwner(Owner owner, DataOutputView out) throws IOException {
        if (owner == null) {
            out.writeBoolean(false);
            return;
        }
        out.writeBoolean(true);
        NullableStrings.write(out, owner.team);
        NullableStrings.write(out, owner.environment);
        NullableStrings.write(out, owner.contact);
        NullableStrings.writeArray(out, owner.trustedCidrs);
        NullableStrings.write(out, owner.matchedBy);
        if (owner.attributes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(owner.attributes.length);
            for (OwnerAttribute a : owner.attributes) {
                out.writeBoolean(a != null);
                if (a != null) {
                    NullableStrings.write(out, a.name);
                    NullableStrings.write(out, a.value);
                }
            }
        }
    }

    public static Owner readOwner(DataInputView in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Owner owner = new Owner();
        owner.team = NullableStrings.read(in);
        owner.environment = NullableStrings.read(in);
        owner.contact = NullableStrings.read(in);
        owner.trustedCidrs = NullableStrings.readArray(in);
        owner.matchedBy = NullableStrings.read(in);
        int n = in.readInt();
        if (n >= 0) {
            owner.attributes = new OwnerAttribute[n];
            for (int i = 0; i < n; i++) {
                if (in.readBoolean()) {
                    owner.attributes[i] =
                            new OwnerAttribute(NullableStrings.read(in), NullableStrings.read(in));
                }
            }
        }
        return owner;
    }

    /** A copy that shares nothing mutable with the original (strings are immutable). */
    public static Owner copyOwner(Owner o) {
        if (o == null) {
            return null;
        }
        OwnerAttribute[] attributes = null;
        if (o.attributes != null) {
            attributes = new OwnerAttribute[o.attributes.length];
            for (int i = 0; i < attributes.length; i++) {
                OwnerAttribute a = o.attributes[i];
                attributes[i] = a == null ? null : new OwnerAttribute(a.name, a.value);
            }
        }
        return new Owner(
                o.team,
                o.environment,
                o.contact,
                o.trustedCidrs == null ? null : o.trustedCidrs.clone(),
                o.matchedBy,
                attributes);
    }
}
