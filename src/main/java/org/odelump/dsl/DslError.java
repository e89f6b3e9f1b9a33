package org.odelump.dsl;

import org.odelump.model.Diagnostic;

/** Internal: aborts building at the first error of an expression or section; converted by {@link OdeParser}. */
final class DslError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    DslError(Diagnostic diagnostic) {
        super(diagnostic.toString(), null, false, false);
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
