package org.odelump.dsl;

import org.antlr.v4.runtime.Token;
import org.odelump.model.Diagnostic;

/** Internal helpers that turn tokens into diagnostics. */
final class Located {

    private final String file;

    Located(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    Diagnostic at(Token t, Diagnostic.Kind kind, String message) {
        if (t == null) {
            return new Diagnostic(file, 0, 0, kind, message);
        }
        return new Diagnostic(file, t.getLine(), t.getCharPositionInLine() + 1, kind, message);
    }

    DslError error(Token t, Diagnostic.Kind kind, String message) {
        return new DslError(at(t, kind, message));
    }

    /** {@code line L} of a token, for messages that refer to an earlier place. */
    static String line(Token t) {
        return "line " + t.getLine();
    }
}
