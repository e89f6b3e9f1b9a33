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

    /** A binary operation. */
    record Binary(Op op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
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
