package org.odelump.io;

import java.util.List;
import java.util.Objects;
import org.odelump.model.Diagnostic;
import org.odelump.model.OdeSystem;

/**
 * The result of reading an SBML file: the polynomial ODE system and the warnings met on the way (ignored
 * constraints, assumed defaults), each located like an error.
 *
 * @param system   the imported system
 * @param warnings diagnostics of kind {@link Diagnostic.Kind#WARNING}, in document order
 */
public record SbmlImport(OdeSystem system, List<Diagnostic> warnings) {
    public SbmlImport {
        Objects.requireNonNull(system, "system");
        warnings = List.copyOf(warnings);
    }
}
