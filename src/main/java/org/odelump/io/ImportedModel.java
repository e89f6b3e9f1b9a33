package org.odelump.io;

import java.util.List;
import java.util.Objects;
import org.odelump.model.Diagnostic;
import org.odelump.model.OdeSystem;

/**
 * A model read from a foreign format, with the warnings the importer has for the user (kind
 * {@link Diagnostic.Kind#WARNING}: skipped blocks, clamped species, renamed parameters, ...).
 *
 * @param system   the imported system
 * @param warnings warnings in source order; empty when there are none
 */
public record ImportedModel(OdeSystem system, List<Diagnostic> warnings) {
    public ImportedModel {
        Objects.requireNonNull(system, "system");
        warnings = List.copyOf(warnings);
    }
}
