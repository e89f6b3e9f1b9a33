package org.odelump.model;

import java.util.Objects;

/**
 * A reaction ρ → π of a reaction network. Its propensity is a polynomial in the variables: for mass action it
 * is k·x^ρ; for an {@code arbitrary} rate it is the given polynomial. The reaction contributes
 * propensity·(π(s) − ρ(s)) to the drift of every species s.
 *
 * @param label      the optional id written as {@code [name]}; null when absent
 * @param reagents   reagent multiset (the constant monomial for a source reaction)
 * @param products   product multiset (the constant monomial for a sink reaction)
 * @param propensity the firing rate as a polynomial in the variables
 * @param massAction true for a mass-action rate constant, false for an {@code arbitrary} rate law
 * @param rateSource the rate expression as written (for printing); null when generated
 */
public record Reaction(String label, Monomial reagents, Monomial products, Polynomial propensity,
                       boolean massAction, Expr rateSource) {

    public Reaction {
        Objects.requireNonNull(reagents, "reagents");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(propensity, "propensity");
    }

    /** The mass-action rate constant k (propensity / x^ρ); only for mass-action reactions. */
    public double rateConstant() {
        if (!massAction) {
            throw new IllegalStateException("not a mass-action reaction");
        }
        return propensity.coefficientOf(reagents);
    }

    /** Net stoichiometry π(s) − ρ(s) of variable s. */
    public int netStoichiometry(int s) {
        return products.exponentOf(s) - reagents.exponentOf(s);
    }

    /** Equality ignores {@link #rateSource}, which is presentation only. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Reaction r && Objects.equals(label, r.label) && reagents.equals(r.reagents)
                && products.equals(r.products) && propensity.equals(r.propensity) && massAction == r.massAction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, reagents, products, propensity, massAction);
    }
}
