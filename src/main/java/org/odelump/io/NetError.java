package org.odelump.io;

import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;

/** Internal: the first error found while reading a {@code .net} file; {@link BngNetReader} turns it into a diagnostic. */
final class NetError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int line;
    final int column;
    final Kind kind;

    NetError(int line, int column, Kind kind, String message) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.kind = kind;
    }

    Diagnostic toDiagnostic(String file) {
        return new Diagnostic(file, line, column, kind, getMessage());
    }
}
