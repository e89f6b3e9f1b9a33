package org.odelump.symbolic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.odelump.model.Expr;
import org.odelump.testutil.ExprEvaluator;

/** Test helpers: a tiny direct evaluator of {@link Expr} and a map-backed {@link NameResolver}. */
final class TestExprs {

    private TestExprs() {
    }

    static Expr num(double v) {
        return new Expr.Num(v);
    }

    static Expr ref(String n) {
        return new Expr.Ref(n);
    }

    static Expr neg(Expr e) {
        return new Expr.Neg(e);
    }

    static Expr add(Expr a, Expr b) {
        return new Expr.Binary(Expr.Op.ADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        return new Expr.Binary(Expr.Op.SUB, a, b);
    }

    static Expr mul(Expr a, Expr b) {
        return new Expr.Binary(Expr.Op.MUL, a, b);
    }

    static Expr div(Expr a, Expr b) {
        return new Expr.Binary(Expr.Op.DIV, a, b);
    }

    static Expr pow(Expr a, Expr b) {
        return new Expr.Binary(Expr.Op.POW, a, b);
    }

    static Expr call(String f, Expr... args) {
        return new Expr.Call(f, List.of(args));
    }

    /** Evaluates {@code e} directly in doubles; names are looked up in {@code values}. */
    static double eval(Expr e, Map<String, Double> values) {
        return ExprEvaluator.eval(e, values);
    }

    /** A resolver with variables in list order and the given parameter values. */
    static NameResolver resolver(List<String> variables, Map<String, Double> parameters) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            index.put(variables.get(i), i);
        }
        Map<String, Double> params = Map.copyOf(parameters);
        return new NameResolver() {
            @Override
            public int variableIndex(String name) {
                return index.getOrDefault(name, -1);
            }

            @Override
            public Double parameterValue(String name) {
                return params.get(name);
            }
        };
    }
}
