package org.odelump.dsl;

import java.util.Map;
import org.odelump.model.Expr;

/** Test helper: evaluates an expression directly in doubles, independently of the polynomial conversion. */
final class ExprEval {

    private ExprEval() {
    }

    static double eval(Expr e, Map<String, Double> values) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Ref r) {
            Double v = values.get(r.name());
            if (v == null) {
                throw new IllegalArgumentException("unknown " + r.name());
            }
            return v;
        }
        if (e instanceof Expr.Neg n) {
            return -eval(n.operand(), values);
        }
        if (e instanceof Expr.Call c) {
            double a = eval(c.args().get(0), values);
            switch (c.function()) {
                case "exp": return Math.exp(a);
                case "sqrt": return Math.sqrt(a);
                case "log":
                case "ln": return Math.log(a);
                case "abs": return Math.abs(a);
                case "min": return Math.min(a, eval(c.args().get(1), values));
                case "max": return Math.max(a, eval(c.args().get(1), values));
                case "pow": return Math.pow(a, eval(c.args().get(1), values));
                default: throw new IllegalArgumentException(c.function());
            }
        }
        Expr.Binary b = (Expr.Binary) e;
        double l = eval(b.left(), values);
        double r = eval(b.right(), values);
        switch (b.op()) {
            case ADD: return l + r;
            case SUB: return l - r;
            case MUL: return l * r;
            case DIV: return l / r;
            default: return Math.pow(l, r);
        }
    }
}
