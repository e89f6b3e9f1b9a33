package org.odelump.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;

/**
 * A model at other values of some of its parameters: every drift written in an ODE section and every reaction
 * rate that kept its source expression is expanded again with the new values; drifts and rates without a source
 * keep their coefficients, and parameters defined in terms of a changed parameter keep their value. The result has
 * the same variables (in the same order) and initial values; it lists no parameters.
 */
public final class Reexpansion {

    private Reexpansion() {
    }

    /**
     * The model with the named parameters at the given values.
     *
     * @param m      the model as parsed
     * @param values new values by parameter name
     */
    public static OdeSystem atValues(OdeSystem m, Map<String, Double> values) {
        Map<String, Double> value = new HashMap<>();
        for (Parameter p : m.parameters()) {
            value.put(p.name(), p.value());
        }
        value.putAll(values);
        NameResolver resolver = NameResolver.of(m::indexOf, value::get);
        List<Polynomial> drifts = new ArrayList<>();
        if (m.isReactionNetwork()) {
            List<Reaction> rs = new ArrayList<>();
            for (Reaction r : m.reactions()) {
                if (r.rateSource() == null) {
                    rs.add(r);
                    continue;
                }
                Polynomial rate = Symbolic.expand(r.rateSource(), resolver);
                Polynomial propensity = r.massAction()
                        ? Polynomial.term(rate.isZero() ? 0.0 : rate.coefficientOf(Monomial.ONE), r.reagents())
                        : rate;
                rs.add(new Reaction(r.label(), r.reagents(), r.products(), propensity, r.massAction(),
                        r.rateSource()));
            }
            drifts = OdeSystem.Builder.driftsOf(m.dimension(), rs);
        } else {
            for (int i = 0; i < m.dimension(); i++) {
                Expr src = m.driftSources().get(i);
                drifts.add(src == null ? m.drift(i) : Symbolic.expand(src, resolver));
            }
        }
        return OdeSystem.builder(m.name()).variables(m.variables()).initialValues(m.initialValues()).drifts(drifts)
                .build();
    }
}
