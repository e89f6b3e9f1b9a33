package org.odelump.dsl;

import java.util.Map;
import org.odelump.model.OdeSystem;
import org.odelump.symbolic.Reexpansion;

/**
 * A parsed model at other values of its parameters: the drift and rate expressions the parser kept are expanded
 * again, as when the text was first read ({@link Reexpansion} does the work in the symbolic gate). Callers outside
 * the language layer, such as the command line, reach re-expansion through here.
 */
public final class ParameterValues {

    private ParameterValues() {
    }

    /** {@code m} with the named parameters at the given values; see {@link Reexpansion#atValues}. */
    public static OdeSystem apply(OdeSystem m, Map<String, Double> values) {
        return Reexpansion.atValues(m, values);
    }
}
