package org.odelump.dsl;

import java.util.List;
import java.util.Objects;
import org.odelump.model.Diagnostic;
import org.odelump.model.OdeSystem;

/**
 * A successfully parsed model and the warnings found on the way (ignored commands, ERODE precedence quirks,
 * CLUE-dialect rates, undeclared names taken as constants).
 *
 * @param system   the model
 * @param warnings diagnostics of kind {@link Diagnostic.Kind#WARNING}, in source order
 */
public record ParsedModel(OdeSystem system, List<Diagnostic> warnings) {
    public ParsedModel {
        Objects.requireNonNull(system, "system");
        warnings = List.copyOf(warnings);
    }
}
