package org.odelump.lumping;

import java.util.Objects;

/**
 * A reduction that cannot be made as asked, for a reason the caller can act on (other parameters, another
 * quotient): the kind says which, the message says what was found. Not an {@link IllegalArgumentException},
 * so that a programming error is never mistaken for one of these outcomes.
 */
public final class ReductionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What could not be done. */
    public enum Kind {
        /** No change of the chosen parameters makes the partition exact. */
        NOT_EXACT_BY_PARAMETERS,
        /** Parameters to perturb were asked for, but the model has none, or not the named one. */
        UNKNOWN_PARAMETER,
        /** The model keeps no rate or drift expressions, so its coefficients do not depend on parameters. */
        NO_RATE_EXPRESSIONS
    }

    private final Kind kind;

    public ReductionException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** What could not be done. */
    public Kind kind() {
        return kind;
    }
}
