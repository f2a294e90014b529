package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.model.FlowRecord;
import io.trailwatch.model.TransitGatewayFields;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowFieldTest {
    @Test
    void everyFieldSetsARecordFieldOfItsOwnAndNoOther() throws Exception {
        Set<String> setSoFar = new HashSet<>();
        for (FlowField field : FlowField.values()) {
            FlowRecord r = new FlowRecord();
            switch (field.kind) {
                case TEXT:
                case ADDRESS:
                    field.set(r, "v");
                    break;
                case INT:
                    field.set(r, 7);
                    break;
                default:
                    field.set(r, 7L);
            }

            List<String> set = nonNullFields(r);
            assertThat(set).as(field.fieldName).hasSize(1);
            assertThat(setSoFar.add(set.get(0))).as(field.fieldName + " shares " + set).isTrue();
        }
    }

    /** The record's fields that are set, those of its transit gateway fields among them. */
    private static List<String> nonNullFields(Object r) throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : r.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                continue;
            }
            Object value = f.get(r);
            if (value instanceof TransitGatewayFields) {
                for (String nested : nonNullFields(value)) {
                    names.add(f.getName() + "." + nested);
                }
            } else if (value != null) {
                names.add(f.getName());
            }
        }
        return names;
    }
}
