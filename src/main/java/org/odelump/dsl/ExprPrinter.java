package org.odelump.dsl;

import org.odelump.model.Expr;
import org.odelump.model.Numbers;

/**
 * Prints an {@link Expr} as DSL text that parses back to the same tree under ERODE's precedence. It never relies on
 * the precedence quirks: a negated or powered base of {@code ^} is parenthesised, and so is any right operand at
 * its operator's own level.
 */
final class ExprPrinter {

    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int POWER = 3;
    private static final int ATOM = 5;

    private ExprPrinter() {
    }

    static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    /** At most {@code max} characters, for messages. */
    static String brief(Expr e, int max) {
        String s = print(e);
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static void print(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Num n) {
            if (n.value() < 0 || (n.value() == 0 && 1 / n.value() < 0)) {
                sb.append("(-").append(Numbers.format(-n.value())).append(')');
            } else {
                sb.append(Numbers.format(n.value()));
            }
        } else if (e instanceof Expr.Ref r) {
            sb.append(r.name());
        } else if (e instanceof Expr.Neg n) {
            sb.append('-');
            wrap(n.operand(), level(n.operand()) < ATOM, sb);
        } else if (e instanceof Expr.Call c) {
            sb.append(c.function()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                print(c.args().get(i), sb);
            }
            sb.append(')');
        } else {
            Expr.Binary b = (Expr.Binary) e;
            int lv = level(b);
            if (b.op() == Expr.Op.POW) {
                wrap(b.left(), level(b.left()) < ATOM, sb);
                sb.append('^');
                wrap(b.right(), level(b.right()) < 4, sb);
            } else {
                // Long sums and products are left-deep chains (a group of thousands of species): walk the left
                // spine iteratively so printing needs no stack depth proportional to the number of terms.
                java.util.ArrayDeque<Expr.Binary> chain = new java.util.ArrayDeque<>();
                Expr left = b;
                while (left instanceof Expr.Binary lb && lb.op() != Expr.Op.POW && level(lb) == lv) {
                    chain.push(lb);
                    left = lb.left();
                }
                wrap(left, level(left) < lv, sb);
                while (!chain.isEmpty()) {
                    Expr.Binary link = chain.pop();
                    sb.append(lv == SUM ? " " + link.op().symbol() + " " : link.op().symbol());
                    wrap(link.right(), level(link.right()) <= lv, sb);
                }
            }
        }
    }

    private static void wrap(Expr e, boolean parens, StringBuilder sb) {
        if (parens) {
            sb.append('(');
            print(e, sb);
            sb.append(')');
        } else {
            print(e, sb);
        }
    }

    private static int level(Expr e) {
        if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case ADD:
                case SUB:
                    return SUM;
                case MUL:
                case DIV:
                    return PRODUCT;
                default:
                    return POWER;
            }
        }
        if (e instanceof Expr.Neg) {
            return 4;
        }
        if (e instanceof Expr.Num n && (n.value() < 0 || 1 / n.value() < 0)) {
            return 4;
        }
        return ATOM;
    }
}
