package org.odelump.model;

import java.util.Objects;

/** A named observable over the variables, e.g. {@code total = A + B}; kept as written. */
public record View(String name, Expr expression) {
    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
    }
}
