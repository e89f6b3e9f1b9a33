package org.odelump.symbolic;

import org.odelump.model.Expr;
import org.odelump.model.Polynomial;

/**
 * Gateway to Symja (CONTRACT ONLY on main until the symbolic branch is merged; the symbolic helper replaces the
 * body). Expands an expression that is polynomial in the variables into a canonical numeric polynomial.
 */
public final class Symbolic {

    private Symbolic() {
    }

    /**
     * Expands {@code expr} (products of sums, powers of sums, parameter arithmetic, functions of constants) into
     * a canonical numeric polynomial over the variables named by {@code resolver}.
     *
     * @throws IllegalArgumentException when the expression is not a polynomial in the variables or names an
     *                                  unknown identifier
     */
    public static Polynomial expand(Expr expr, NameResolver resolver) {
        throw new IllegalStateException("Symja bridge not merged yet");
    }

    /** True once Symja has been started in this process. */
    public static boolean isInitialised() {
        return false;
    }
}
