package org.odelump.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;

/**
 * Checks a view expression: every name is a species or a parameter, and {@code var(X)} / {@code covar(X, Y)} take
 * species. Views are kept as written, not converted to polynomials.
 */
final class ViewChecker {

    private final ModelBuilder mb;

    ViewChecker(ModelBuilder mb) {
        this.mb = mb;
    }

    Expr check(OdeLumpParser.ExprContext ctx) {
        Expr e = mb.compiler().exprs().build(ctx, null);
        if (problem(e) == null) {
            return e;
        }
        Map<Expr, Token> pos = new IdentityHashMap<>();
        Expr located = mb.compiler().exprs().build(ctx, pos);
        Problem p = problem(located);
        throw mb.loc().error(pos.getOrDefault(p.node, ctx.start), Kind.SEMANTIC, p.message);
    }

    private record Problem(Expr node, String message) {
    }

    private Problem problem(Expr root) {
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (e instanceof Expr.Ref r) {
                if (mb.species.indexOf(r.name()) < 0 && !mb.params.containsKey(r.name())) {
                    return new Problem(e, "undeclared identifier '" + r.name() + "' in a view");
                }
            } else if (e instanceof Expr.Neg n) {
                todo.push(n.operand());
            } else if (e instanceof Expr.Binary b) {
                todo.push(b.right());
                todo.push(b.left());
            } else if (e instanceof Expr.Call c) {
                String f = c.function();
                if (f.equals("var") || f.equals("covar")) {
                    int want = f.equals("var") ? 1 : 2;
                    if (c.args().size() != want) {
                        return new Problem(e, f + "(...) expects " + want + (want == 1 ? " species" : " species")
                                + ", got " + c.args().size() + " arguments");
                    }
                    for (Expr a : c.args()) {
                        if (!(a instanceof Expr.Ref r) || mb.species.indexOf(r.name()) < 0) {
                            return new Problem(a, f + "(...) takes species names");
                        }
                    }
                } else if (!Functions.isKnown(f)) {
                    return new Problem(e, "unknown function '" + f + "'");
                } else {
                    String arity = Functions.arityProblem(f, c.args().size());
                    if (arity != null) {
                        return new Problem(e, arity);
                    }
                    for (int i = c.args().size() - 1; i >= 0; i--) {
                        todo.push(c.args().get(i));
                    }
                }
            }
        }
        return null;
    }
}
