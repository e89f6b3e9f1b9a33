package org.odelump.symbolic;

import java.util.function.Function;
import java.util.function.ToIntFunction;

/** How names in an expression resolve: to a variable index, or to a numeric parameter value. */
public interface NameResolver {

    /** Index of the variable with this name, or -1 when it is no variable. */
    int variableIndex(String name);

    /** Value of the parameter with this name, or null when it is no parameter. */
    Double parameterValue(String name);

    /** The resolver that asks {@code variables} for variable indices and {@code parameters} for values. */
    static NameResolver of(ToIntFunction<String> variables, Function<String, Double> parameters) {
        return new NameResolver() {
            @Override
            public int variableIndex(String name) {
                return variables.applyAsInt(name);
            }

            @Override
            public Double parameterValue(String name) {
                return parameters.apply(name);
            }
        };
    }
}
