package org.odelump.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;

/**
 * The arithmetic expressions of a BioNetGen {@code .net} file (parameter values, initial amounts, rates, function
 * bodies): a positioned syntax tree, a recursive-descent parser and conversion to {@link Expr}.
 *
 * <p>Grammar (muParser-like, as BioNetGen writes it): {@code + -} bind weakest, then {@code * /}, then unary
 * {@code -}/{@code +}, then right-associative {@code ^}; primaries are numbers ({@code 1}, {@code 2.5e-3},
 * {@code .5}), names, calls {@code f(a, b)} and parenthesised expressions. Positions are indices into the line
 * the expression was read from, so errors can name the exact column.
 */
final class NetExpr {

    /** Deeper nesting is refused instead of risking a stack overflow on hostile input. */
    static final int MAX_DEPTH = 200;

    private NetExpr() {
    }

    /** A node of the syntax tree; {@link #pos} is the index of its first character in the line. */
    sealed interface Node {
        int pos();
    }

    record Num(int pos, double value) implements Node {
    }

    record Name(int pos, String name) implements Node {
    }

    record Call(int pos, String name, List<Node> args) implements Node {
    }

    record Neg(int pos, Node operand) implements Node {
    }

    record Bin(int pos, char op, Node left, Node right) implements Node {
    }

    /** A problem inside an expression, at index {@link #pos} of the line. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int pos;
        final Kind kind;

        Failure(int pos, Kind kind, String message) {
            super(message, null, false, false);
            this.pos = pos;
            this.kind = kind;
        }
    }

    /** Parses {@code line[from, to)} as one expression. */
    static Node parse(String line, int from, int to) throws Failure {
        Parser p = new Parser(line, from, to);
        p.skipSpace();
        if (p.i >= to) {
            throw new Failure(from, Kind.SYNTAX, "expected an expression");
        }
        Node n = p.expr(0);
        p.skipSpace();
        if (p.i < to) {
            throw new Failure(p.i, Kind.SYNTAX, "unexpected '" + line.charAt(p.i) + "' after the expression");
        }
        return n;
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    /** True for {@code [A-Za-z_][A-Za-z0-9_]*}. */
    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !isIdentStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isIdentPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The model expression of a node, with every name passed through {@code rename}. */
    static Expr toExpr(Node n, UnaryOperator<String> rename) {
        if (n instanceof Num num) {
            return new Expr.Num(num.value());
        } else if (n instanceof Name name) {
            return new Expr.Ref(rename.apply(name.name()));
        } else if (n instanceof Neg neg) {
            return new Expr.Neg(toExpr(neg.operand(), rename));
        } else if (n instanceof Bin b) {
            return new Expr.Binary(op(b.op()), toExpr(b.left(), rename), toExpr(b.right(), rename));
        }
        Call c = (Call) n;
        List<Expr> args = new ArrayList<>(c.args().size());
        for (Node a : c.args()) {
            args.add(toExpr(a, rename));
        }
        return new Expr.Call(c.name(), args);
    }

    private static Expr.Op op(char c) {
        switch (c) {
            case '+':
                return Expr.Op.ADD;
            case '-':
                return Expr.Op.SUB;
            case '*':
                return Expr.Op.MUL;
            case '/':
                return Expr.Op.DIV;
            default:
                return Expr.Op.POW;
        }
    }

    /** Readable text of a node, for messages. */
    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        write(n, sb);
        return sb.toString();
    }

    private static void write(Node n, StringBuilder sb) {
        if (n instanceof Num num) {
            sb.append(org.odelump.model.Numbers.format(num.value()));
        } else if (n instanceof Name name) {
            sb.append(name.name());
        } else if (n instanceof Neg neg) {
            sb.append("-(");
            write(neg.operand(), sb);
            sb.append(')');
        } else if (n instanceof Bin b) {
            sb.append('(');
            write(b.left(), sb);
            sb.append(b.op());
            write(b.right(), sb);
            sb.append(')');
        } else {
            Call c = (Call) n;
            sb.append(c.name()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(c.args().get(i), sb);
            }
            sb.append(')');
        }
    }

    /** Recursive descent over one line segment. */
    private static final class Parser {
        private final String s;
        private final int end;
        private int i;

        Parser(String s, int from, int to) {
            this.s = s;
            this.i = from;
            this.end = to;
        }

        void skipSpace() {
            while (i < end && s.charAt(i) <= ' ') {
                i++;
            }
        }

        private char peek() {
            skipSpace();
            return i < end ? s.charAt(i) : '\0';
        }

        Node expr(int depth) throws Failure {
            if (depth > MAX_DEPTH) {
                throw new Failure(i, Kind.SYNTAX, "expression nested more than " + MAX_DEPTH + " levels deep");
            }
            Node left = term(depth);
            for (char c = peek(); c == '+' || c == '-'; c = peek()) {
                int at = i++;
                left = new Bin(at, c, left, term(depth));
            }
            return left;
        }

        private Node term(int depth) throws Failure {
            Node left = unary(depth);
            for (char c = peek(); c == '*' || c == '/'; c = peek()) {
                int at = i++;
                left = new Bin(at, c, left, unary(depth));
            }
            return left;
        }

        private Node unary(int depth) throws Failure {
            char c = peek();
            if (c == '-' || c == '+') {
                if (depth > MAX_DEPTH) {
                    throw new Failure(i, Kind.SYNTAX, "expression nested more than " + MAX_DEPTH + " levels deep");
                }
                int at = i++;
                Node operand = unary(depth + 1);
                return c == '-' ? new Neg(at, operand) : operand;
            }
            return power(depth);
        }

        private Node power(int depth) throws Failure {
            if (depth > MAX_DEPTH) {
                throw new Failure(i, Kind.SYNTAX, "expression nested more than " + MAX_DEPTH + " levels deep");
            }
            Node base = primary(depth);
            if (peek() == '^') {
                int at = i++;
                return new Bin(at, '^', base, unary(depth + 1));
            }
            return base;
        }

        private Node primary(int depth) throws Failure {
            char c = peek();
            int start = i;
            if (c == '(') {
                i++;
                Node inner = expr(depth + 1);
                if (peek() != ')') {
                    throw new Failure(i, Kind.SYNTAX, "expected ')' to close the '(' at column " + (start + 1));
                }
                i++;
                return inner;
            }
            if ((c >= '0' && c <= '9') || c == '.') {
                return number(start);
            }
            if (isIdentStart(c)) {
                while (i < end && isIdentPart(s.charAt(i))) {
                    i++;
                }
                String name = s.substring(start, i);
                if (peek() != '(') {
                    return new Name(start, name);
                }
                i++;
                List<Node> args = new ArrayList<>(2);
                if (peek() == ')') {
                    i++;
                    return new Call(start, name, args);
                }
                while (true) {
                    args.add(expr(depth + 1));
                    char d = peek();
                    if (d == ',') {
                        i++;
                    } else if (d == ')') {
                        i++;
                        return new Call(start, name, args);
                    } else {
                        throw new Failure(i, Kind.SYNTAX, "expected ',' or ')' in the arguments of '" + name + "'");
                    }
                }
            }
            throw new Failure(i, Kind.SYNTAX, "expected a number, a name or '(' but found "
                    + (i < end ? "'" + c + "'" : "the end of the expression"));
        }

        private Node number(int start) throws Failure {
            boolean digits = false;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits = true;
            }
            if (i < end && s.charAt(i) == '.') {
                i++;
                while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                    digits = true;
                }
            }
            if (!digits) {
                throw new Failure(start, Kind.SYNTAX, "malformed number '" + s.substring(start, i) + "'");
            }
            if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int save = i;
                i++;
                if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                boolean expDigits = false;
                while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                    expDigits = true;
                }
                if (!expDigits) {
                    throw new Failure(save, Kind.SYNTAX, "malformed exponent in '" + s.substring(start, i) + "'");
                }
            }
            double v = Double.parseDouble(s.substring(start, i));
            if (!Double.isFinite(v)) {
                throw new Failure(start, Kind.SEMANTIC, "number '" + s.substring(start, i) + "' is out of range");
            }
            return new Num(start, v);
        }
    }
}
