package org.odelump.symbolic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.odelump.model.Expr;
import org.odelump.model.Polynomial;

/**
 * Gateway to Symja: expands an expression that is polynomial in the variables into canonical form, with parameter
 * values substituted ({@link #expand}) or with chosen parameters kept symbolic ({@link #expandKeeping}).
 *
 * <p>Symja starts on the first expansion that needs it (one to three seconds, once per process): an expression
 * without function calls is expanded natively and never starts it; nothing else in odelump, including loading
 * this class, starts it. Calls into Symja are serialised. Expressions reach Symja through its Java API only, with
 * every name replaced by a private dummy symbol or a number, so no DSL name is ever parsed or interned by Symja.
 */
public final class Symbolic {

    private Symbolic() {
    }

    /**
     * Expands {@code expr} (products of sums, powers of sums, parameter arithmetic, functions of constants) into
     * a canonical numeric polynomial over the variables named by {@code resolver}. Arithmetic is exact (number
     * literals and parameter values are read as the rationals of their shortest decimal form, so
     * {@code 0.1 + 0.2 - 0.3} is 0); each final coefficient is rounded to double once.
     *
     * <p>An expression without function calls whose divisors and exponents are constants is expanded natively,
     * without starting Symja; the result is the same as Symja's (both routes are exact and round alike). Anything
     * else goes to Symja.
     *
     * @throws IllegalArgumentException when the expression is not a polynomial in the variables (a variable in a
     *                                  denominator, a negative or non-integer power of a variable, a function
     *                                  of a variable), names an unknown identifier or function, has a
     *                                  coefficient that is not a finite real number, or would expand into an
     *                                  unreasonably large polynomial
     */
    public static Polynomial expand(Expr expr, NameResolver resolver) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(resolver, "resolver");
        Polynomial p = NativeExpansion.expand(expr, resolver);
        return p != null ? p : expandWithSymja(expr, resolver);
    }

    /** {@link #expand} always through Symja (for cross-checks). */
    static Polynomial expandWithSymja(Expr expr, NameResolver resolver) {
        return expandKeeping(expr, resolver, Set.of()).toPolynomial();
    }

    /**
     * Expands {@code expr} like {@link #expand}, but keeps the parameters in {@code keptParameters} symbolic: the
     * result has, per monomial in the variables, a coefficient that is a polynomial in the kept parameters (index j
     * of a coefficient is the j-th kept parameter in {@link String#compareTo} order, see
     * {@link SymbolicPolynomial#parameterNames()}). Other parameters are substituted.
     *
     * @throws IllegalArgumentException as {@link #expand}, and also when a kept name is no parameter of
     *                                  {@code resolver}, or a kept parameter occurs other than polynomially
     *                                  (in a denominator, in a function, to a non-integer power)
     */
    public static SymbolicPolynomial expandKeeping(Expr expr, NameResolver resolver, Set<String> keptParameters) {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(resolver, "resolver");
        List<String> kept = new ArrayList<>(new TreeSet<>(keptParameters));
        for (String k : kept) {
            if (resolver.variableIndex(k) >= 0) {
                throw new IllegalArgumentException("cannot keep '" + k + "' symbolic: it is a variable, not a parameter");
            }
            if (resolver.parameterValue(k) == null) {
                throw new IllegalArgumentException("cannot keep '" + k + "' symbolic: it is not a parameter");
            }
        }
        // the Symja calls live in SymjaExpansion so that loading (and verifying) this class loads no Symja class
        return SymjaSession.run(engine -> SymjaExpansion.expand(engine, expr, resolver, kept));
    }

    /** True once Symja has been started in this process. Never starts it. */
    public static boolean isInitialised() {
        return SymjaSession.isStarted();
    }

    /** How long Symja's start took in this process, if it has started. */
    public static Optional<Duration> startupTime() {
        return Optional.ofNullable(SymjaSession.startupTime());
    }
}
