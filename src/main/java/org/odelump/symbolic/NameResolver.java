package org.odelump.symbolic;

/** How names in an expression resolve: to a variable index, or to a numeric parameter value. */
public interface NameResolver {

    /** Index of the variable with this name, or -1 when it is no variable. */
    int variableIndex(String name);

    /** Value of the parameter with this name, or null when it is no parameter. */
    Double parameterValue(String name);
}
