package org.odelump.dsl;

import java.util.Map;

/**
 * The functions the language knows, evaluated on constants. Anything applied to a variable expression is not a
 * polynomial, except {@code pow} with a non-negative integer exponent, which the converter treats like {@code ^}.
 */
final class Functions {

    private Functions() {
    }

    /** Number of arguments of each function (-1: one or more). */
    private static final Map<String, Integer> ARITY = Map.ofEntries(
            Map.entry("exp", 1), Map.entry("log", 1), Map.entry("ln", 1), Map.entry("log10", 1),
            Map.entry("sqrt", 1), Map.entry("sin", 1), Map.entry("cos", 1), Map.entry("tan", 1),
            Map.entry("asin", 1), Map.entry("acos", 1), Map.entry("atan", 1), Map.entry("sinh", 1),
            Map.entry("cosh", 1), Map.entry("tanh", 1), Map.entry("abs", 1), Map.entry("floor", 1),
            Map.entry("ceil", 1), Map.entry("min", -1), Map.entry("max", -1), Map.entry("pow", 2));

    static boolean isKnown(String name) {
        return ARITY.containsKey(name);
    }

    /** The arity message, or null when {@code n} arguments are fine. */
    static String arityProblem(String name, int n) {
        int a = ARITY.get(name);
        if (a == -1) {
            return n >= 1 ? null : "function '" + name + "' expects at least 1 argument, got 0";
        }
        return n == a ? null : "function '" + name + "' expects " + a + (a == 1 ? " argument" : " arguments")
                + ", got " + n;
    }

    /** Applies a known function with a correct number of arguments. */
    static double apply(String name, double[] x) {
        switch (name) {
            case "exp": return Math.exp(x[0]);
            case "log":
            case "ln": return Math.log(x[0]);
            case "log10": return Math.log10(x[0]);
            case "sqrt": return Math.sqrt(x[0]);
            case "sin": return Math.sin(x[0]);
            case "cos": return Math.cos(x[0]);
            case "tan": return Math.tan(x[0]);
            case "asin": return Math.asin(x[0]);
            case "acos": return Math.acos(x[0]);
            case "atan": return Math.atan(x[0]);
            case "sinh": return Math.sinh(x[0]);
            case "cosh": return Math.cosh(x[0]);
            case "tanh": return Math.tanh(x[0]);
            case "abs": return Math.abs(x[0]);
            case "floor": return Math.floor(x[0]);
            case "ceil": return Math.ceil(x[0]);
            case "pow": return Math.pow(x[0], x[1]);
            case "min": {
                double m = x[0];
                for (double v : x) {
                    m = Math.min(m, v);
                }
                return m;
            }
            case "max": {
                double m = x[0];
                for (double v : x) {
                    m = Math.max(m, v);
                }
                return m;
            }
            default: throw new IllegalArgumentException("unknown function " + name);
        }
    }
}
