package org.odelump.dsl;

/**
 * Options of {@link OdeParser}.
 *
 * @param undeclaredAsConstants when true, an identifier used in a drift or rate but declared nowhere becomes an
 *                              extra variable with zero drift and initial value 0 (with a warning); CLUE-dialect
 *                              files need this. When false (the default) such a name is an error.
 */
public record ParseOptions(boolean undeclaredAsConstants) {

    /** The defaults: undeclared identifiers are errors. */
    public static ParseOptions defaults() {
        return new ParseOptions(false);
    }

    /** These options with {@link #undeclaredAsConstants} set. */
    public ParseOptions withUndeclaredAsConstants(boolean value) {
        return new ParseOptions(value);
    }
}
