package org.odelump.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.IReal;
import org.matheclipse.core.interfaces.ISymbol;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;

/**
 * Reads an expanded Symja expression back as terms c·(kept parameters)^σ·(variables)^ρ with double c. Every
 * factor of every term must be a variable or kept parameter to a positive integer power, or be free of both
 * (a number such as 3/4, Sqrt(2) or E, turned into a double at the end); anything else is not a polynomial and is
 * rejected with a message that names the offending factor in DSL names.
 */
final class FromSymja {

    private final EvalEngine engine;
    private final ToSymja names;
    private final Map<ISymbol, Integer> variableIndex = new HashMap<>();
    private final Map<ISymbol, Integer> keptIndex = new HashMap<>();

    FromSymja(EvalEngine engine, ToSymja names) {
        this.engine = engine;
        this.names = names;
        names.variableSymbols().forEach((i, s) -> variableIndex.put(s, i));
        names.keptSymbols().forEach((i, s) -> keptIndex.put(s, i));
    }

    /**
     * The terms of {@code expanded}, grouped by monomial in the variables; each coefficient is a polynomial over
     * the kept-parameter indices (a constant when no parameter is kept).
     */
    Map<Monomial, Polynomial> terms(IExpr expanded) {
        List<IExpr> terms = new ArrayList<>();
        if (expanded.isPlus()) {
            for (int i = 1; i <= expanded.argSize(); i++) {
                terms.add(expanded.getAt(i));
            }
        } else {
            terms.add(expanded);
        }
        Map<Monomial, Polynomial.Builder> byMonomial = new TreeMap<>();
        for (IExpr t : terms) {
            readTerm(t, byMonomial);
        }
        Map<Monomial, Polynomial> out = new TreeMap<>();
        byMonomial.forEach((m, b) -> {
            Polynomial c = b.build();
            if (!c.isZero()) {
                out.put(m, c);
            }
        });
        return out;
    }

    private void readTerm(IExpr term, Map<Monomial, Polynomial.Builder> out) {
        List<IExpr> factors = new ArrayList<>();
        if (term.isTimes()) {
            for (int i = 1; i <= term.argSize(); i++) {
                factors.add(term.getAt(i));
            }
        } else {
            factors.add(term);
        }
        Monomial vars = Monomial.ONE;
        Monomial params = Monomial.ONE;
        List<IExpr> numeric = new ArrayList<>();
        for (IExpr f : factors) {
            IExpr base = f.isPower() ? f.base() : f;
            IExpr exponent = f.isPower() ? f.exponent() : F.C1;
            Integer v = base.isSymbol() ? variableIndex.get(base) : null;
            Integer p = base.isSymbol() ? keptIndex.get(base) : null;
            if (v != null || p != null) {
                int e = positiveIntegerOrZero(exponent);
                if (e <= 0) {
                    String why = exponent.isNegative() ? "occurs in a denominator"
                            : exponent.isInteger() ? "has a power too large for an int" : "has a non-integer power";
                    throw notPolynomial(term, f, (v != null ? "variable '" : "kept parameter '")
                            + names.nameOf((ISymbol) base) + "' " + why);
                }
                if (v != null) {
                    vars = vars.times(Monomial.of(v, e));
                } else {
                    params = params.times(Monomial.of(p, e));
                }
            } else if (isFree(f)) {
                numeric.add(f);
            } else {
                throw notPolynomial(term, f, describeProblem(f));
            }
        }
        double c = toDouble(numeric, term);
        out.computeIfAbsent(vars, m -> Polynomial.builder()).add(params, c);
    }

    private String describeProblem(IExpr f) {
        String who = occurring(f);
        if (f.isPower()) {
            return who + (f.exponent().isNegative() ? " in a denominator" : " under a non-integer power");
        }
        return who + " inside the function " + f.head();
    }

    /** The DSL names of the variables and kept parameters in {@code f}, quoted, e.g. {@code 'x', 'k1'}. */
    private String occurring(IExpr f) {
        List<String> found = new ArrayList<>();
        for (Map<ISymbol, Integer> symbols : List.of(variableIndex, keptIndex)) {
            symbols.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .filter(e -> !f.isFree(e.getKey()))
                    .forEach(e -> found.add("'" + names.nameOf(e.getKey()) + "'"));
        }
        return String.join(", ", found);
    }

    private IllegalArgumentException notPolynomial(IExpr term, IExpr factor, String why) {
        String what = keptIndex.isEmpty() && names.keptSymbols().isEmpty() ? "the variables"
                : "the variables and kept parameters";
        return new IllegalArgumentException("not a polynomial in " + what + ": " + why + " (factor "
                + names.describe(factor) + " of the expanded term " + names.describe(term) + ")");
    }

    private boolean isFree(IExpr f) {
        for (ISymbol s : variableIndex.keySet()) {
            if (!f.isFree(s)) {
                return false;
            }
        }
        for (ISymbol s : keptIndex.keySet()) {
            if (!f.isFree(s)) {
                return false;
            }
        }
        return true;
    }

    /** The exponent as a positive int, or 0 when it is no positive machine integer. */
    private static int positiveIntegerOrZero(IExpr exponent) {
        if (!exponent.isInteger()) {
            return 0;
        }
        int e = exponent.toIntDefault(0);
        return e > 0 ? e : 0;
    }

    private double toDouble(List<IExpr> numeric, IExpr term) {
        double value;
        if (numeric.isEmpty()) {
            value = 1.0;
        } else if (numeric.size() == 1 && numeric.get(0).isRational()) {
            value = rationalToDouble((IRational) numeric.get(0));
        } else {
            IExpr product = numeric.size() == 1 ? numeric.get(0) : F.Times(numeric.toArray(new IExpr[0]));
            IExpr n = engine.evalN(product);
            if (!(n instanceof IReal real)) {
                throw new IllegalArgumentException("coefficient " + names.describe(product) + " of the expanded term "
                        + names.describe(term) + " is not a real number (it evaluates to " + n + ")");
            }
            value = real.doubleValue();
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coefficient of the expanded term " + names.describe(term)
                    + " is not a finite double: " + value);
        }
        return value;
    }

    private static double rationalToDouble(IRational r) {
        return Rational.toDouble(r.toBigNumerator(), r.toBigDenominator());
    }
}
