package org.odelump.testutil;

import java.util.Map;
import org.odelump.model.Expr;

/**
 * Evaluates an {@link Expr} directly in doubles, independently of odelump's polynomial conversion, so tests can
 * compare a converted polynomial with the expression it came from.
 */
public final class ExprEvaluator {

    private ExprEvaluator() {
    }

    /** The value of {@code e}; names are looked up in {@code values}. */
    public static double eval(Expr e, Map<String, Double> values) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Ref r) {
            Double v = values.get(r.name());
            if (v == null) {
                throw new IllegalArgumentException("no value for " + r.name());
            }
            return v;
        }
        if (e instanceof Expr.Neg n) {
            return -eval(n.operand(), values);
        }
        if (e instanceof Expr.Binary b) {
            double l = eval(b.left(), values);
            double r = eval(b.right(), values);
            return switch (b.op()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
                case POW -> Math.pow(l, r);
            };
        }
        Expr.Call c = (Expr.Call) e;
        double a = eval(c.args().get(0), values);
        return switch (c.function()) {
            case "exp" -> Math.exp(a);
            case "log", "ln" -> Math.log(a);
            case "sqrt" -> Math.sqrt(a);
            case "sin" -> Math.sin(a);
            case "cos" -> Math.cos(a);
            case "abs" -> Math.abs(a);
            case "min" -> Math.min(a, eval(c.args().get(1), values));
            case "max" -> Math.max(a, eval(c.args().get(1), values));
            case "pow" -> Math.pow(a, eval(c.args().get(1), values));
            default -> throw new IllegalArgumentException(c.function());
        };
    }
}
