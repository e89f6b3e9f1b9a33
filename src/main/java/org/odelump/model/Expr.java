package org.odelump.model;

import java.util.List;
import java.util.Objects;

/**
 * An arithmetic expression as written in a model (a rate, a parameter value, an initial value, a view, a drift
 * before normalisation). Expressions carry no source positions: those live in the parser, which reports errors
 * before a model is built.
 */
public sealed interface Expr {

    /** A number literal. */
    record Num(double value) implements Expr {
    }

    /** A reference to a parameter, a variable or another named quantity. */
    record Ref(String name) implements Expr {
        public Ref {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
        public Neg {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /**
     * A binary operation. Long sums and products are left-deep chains (a BioNetGen group of thousands of species,
     * a drift of thousands of terms), so equality and hashing walk the left spine iteratively instead of
     * recursing once per term.
     */
    record Binary(Op op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Expr other)) {
                return false;
            }
            Expr a = this;
            Expr b = other;
            while (a instanceof Binary x && b instanceof Binary y) {
                if (x == y) {
                    return true;
                }
                if (x.op != y.op || !x.right.equals(y.right)) {
                    return false;
                }
                a = x.left;
                b = y.left;
            }
            // a binary node never equals another kind (and calling a.equals(b) on one would not terminate)
            return !(a instanceof Binary) && !(b instanceof Binary) && a.equals(b);
        }

        @Override
        public int hashCode() {
            int h = 17;
            Expr a = this;
            while (a instanceof Binary x) {
                h = 31 * (31 * h + x.op.hashCode()) + x.right.hashCode();
                a = x.left;
            }
            return 31 * h + a.hashCode();
        }
    }

    /** A function call such as {@code exp(x)}, {@code min(a, b)} or {@code var(X)}. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }
    }

    /** Binary operators. */
    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
