package org.odelump.model;

import java.util.Objects;

/**
 * A problem found in a model's input, located at file:line:column (1-based line and column; 0 when unknown).
 *
 * @param file    the file name as given by the user (or {@code <input>})
 * @param line    1-based line, or 0
 * @param column  1-based column, or 0
 * @param kind    the failure kind; tests assert it
 * @param message what is wrong and what was expected
 */
public record Diagnostic(String file, int line, int column, Kind kind, String message) {

    /** Kinds of input problems. */
    public enum Kind {
        /** A character sequence that is no token. */
        LEXICAL,
        /** Tokens in an order the grammar does not allow. */
        SYNTAX,
        /** Well-formed text with an inconsistent meaning (undeclared name, duplicate equation, ...). */
        SEMANTIC,
        /** A drift or rate that is not a polynomial in the variables. */
        NOT_POLYNOMIAL,
        /** Something valid elsewhere that odelump does not support (Boolean networks, functional rates, ...). */
        UNSUPPORTED,
        /** Not an error: something the user should know (ignored command, ERODE precedence quirk, ...). */
        WARNING,
        /** The file cannot be read. */
        IO
    }

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return kind != Kind.WARNING;
    }

    /** {@code file:line:column: message}, or {@code file: message} when the position is unknown. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
