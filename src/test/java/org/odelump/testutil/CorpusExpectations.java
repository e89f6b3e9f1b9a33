package org.odelump.testutil;

import java.util.Map;
import org.odelump.model.Diagnostic.Kind;

/**
 * What the third-party corpus is expected to do, shared by every test that walks it: the {@code .ode} files that
 * are rejected on purpose (with the kind of the first error) and the {@code .net} files with non-polynomial rates.
 */
public final class CorpusExpectations {

    private CorpusExpectations() {
    }

    /** {@code folder/file.ode} → the kind of the first error; every other corpus {@code .ode} file must parse. */
    public static final Map<String, Kind> REJECTED_ODE = Map.of(
            // Boolean / multivalued networks are not ODE models
            "demo/DemoNetwork.ode", Kind.UNSUPPORTED,
            "demo/Trp_reg2.ode", Kind.UNSUPPORTED,
            // genuinely rational rate laws (Michaelis-Menten and Hill-type denominators)
            "rational/BIOMD0000000013.ode", Kind.NOT_POLYNOMIAL,
            "rational/BIOMD0000000033.ode", Kind.NOT_POLYNOMIAL,
            "rational/BIOMD0000000113.ode", Kind.NOT_POLYNOMIAL,
            "rational/BIOMD0000000535.ode", Kind.NOT_POLYNOMIAL,
            // a broken conversion: its reactions use species SS, XX, YY while the init section declares S, P, X, Y
            "curated_poly/BIOMD0000000233.ode", Kind.SEMANTIC);

    /** {@code .net} files whose functional rate laws are rational in the species. */
    public static final java.util.Set<String> REJECTED_NET = java.util.Set.of("CaOscillate_Func.net", "michment.net");
}
