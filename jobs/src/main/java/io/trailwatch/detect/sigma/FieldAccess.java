package io.trailwatch.detect.sigma;

import java.util.List;

/**
 * How a rule reads one field of a record, resolved once when the rule is compiled. A field holds no
 * value (absent), one, or several (an array fans out, so that a rule matches when any element
 * does). Values are {@link String}, {@link Number}, {@link Boolean} or {@code null} (present, but
 * JSON null); an object or array asked for whole is its JSON text.
 */
@FunctionalInterface
public interface FieldAccess {
    void values(SigmaRecord record, List<Object> out);
}
