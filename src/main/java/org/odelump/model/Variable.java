package org.odelump.model;

import java.util.Objects;

/**
 * A state variable (species) of a model.
 *
 * @param name        its identifier in the DSL
 * @param displayName an optional original name, e.g. ERODE's {@code X = 1 ("H-R")} or a BioNetGen species
 *                    pattern; null when absent
 */
public record Variable(String name, String displayName) {
    public Variable {
        Objects.requireNonNull(name, "name");
    }

    public static Variable of(String name) {
        return new Variable(name, null);
    }
}
