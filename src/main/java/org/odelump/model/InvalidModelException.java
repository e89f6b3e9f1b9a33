package org.odelump.model;

import java.util.List;

/**
 * The one exception type that readers of model files throw for bad input. It carries every error found (at
 * least one), each located at file:line:column.
 */
public final class InvalidModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public InvalidModelException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "invalid model" : diagnostics.get(0).toString());
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("an InvalidModelException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public InvalidModelException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    /** All errors, in source order; the first is the exception's message. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first error. */
    public Diagnostic first() {
        return diagnostics.get(0);
    }
}
