package org.odelump.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.odelump.model.Expr;

/**
 * Turns expression parse trees into {@link Expr} values with ERODE's precedence: unary minus binds tighter than
 * {@code ^}, {@code ^} is left-associative and binds tighter than {@code *} and {@code /}, which are
 * left-associative, as are {@code +} and {@code -}. ERODE's grammar puts {@code +}/{@code -} and {@code *}/{@code /}
 * on separate levels; that changes no value, so the usual left-to-right reading is used. Long sums and products are
 * built by loops, never by recursion over their length.
 *
 * <p>In fast mode ({@code positions == null}) it reports precedence-quirk warnings; in locating mode it records
 * the first token of every node so that a failure found later can be placed exactly.
 */
final class ExprBuilder {

    private final Map<String, Expr.Ref> refs = new HashMap<>();
    private final Consumer<QuirkWarning> warnings;

    /** A reliance on ERODE's unusual precedence, at a token. */
    record QuirkWarning(Token at, String message) {
    }

    ExprBuilder(Consumer<QuirkWarning> warnings) {
        this.warnings = warnings;
    }

    /** The shared reference node for a name (references are immutable, so one instance per name suffices). */
    Expr.Ref ref(String name) {
        return refs.computeIfAbsent(name, Expr.Ref::new);
    }

    /** Builds {@code ctx}; when {@code positions} is non-null it records the start token of every node. */
    Expr build(OdeLumpParser.ExprContext ctx, Map<Expr, Token> positions) {
        // children: term (op term)*
        List<ParseTree> ch = ctx.children;
        Expr acc = term((OdeLumpParser.TermContext) ch.get(0), positions);
        for (int i = 1; i + 1 < ch.size(); i += 2) {
            Expr right = term((OdeLumpParser.TermContext) ch.get(i + 1), positions);
            Expr.Op op = ((TerminalNode) ch.get(i)).getSymbol().getType() == OdeLumpLexer.PLUS ? Expr.Op.ADD : Expr.Op.SUB;
            acc = put(new Expr.Binary(op, acc, right), ctx.start, positions);
        }
        return acc;
    }

    private Expr term(OdeLumpParser.TermContext ctx, Map<Expr, Token> positions) {
        // children: atom (op atom)*
        List<ParseTree> ch = ctx.children;
        int n = (ch.size() + 1) / 2;
        List<OdeLumpParser.AtomContext> atoms = new ArrayList<>(n);
        List<Token> ops = new ArrayList<>(n);
        for (int k = 0; k < ch.size(); k++) {
            if ((k & 1) == 0) {
                atoms.add((OdeLumpParser.AtomContext) ch.get(k));
            } else {
                ops.add(((TerminalNode) ch.get(k)).getSymbol());
            }
        }
        Expr acc = null;
        Expr.Op pending = null;
        int i = 0;
        while (i < atoms.size()) {
            // a maximal ^ chain starting at atom i, read left to right as ERODE does
            OdeLumpParser.AtomContext first = atoms.get(i);
            Expr chain = atom(first, positions);
            int j = i;
            while (j < ops.size() && ops.get(j).getType() == OdeLumpLexer.CARET) {
                if (j == i && first instanceof OdeLumpParser.NegAtomContext && positions == null) {
                    warnings.accept(new QuirkWarning(first.start, "ERODE reads '-" + text(((OdeLumpParser.NegAtomContext) first).atom())
                            + "^...' as '(-" + text(((OdeLumpParser.NegAtomContext) first).atom())
                            + ")^...' (unary minus binds tighter than ^); write parentheses to make this explicit"));
                }
                if (j == i + 1 && positions == null) {
                    warnings.accept(new QuirkWarning(ops.get(j),
                            "ERODE reads 'a^b^c' as '(a^b)^c' (^ is left-associative); write parentheses to make this explicit"));
                }
                Expr exponent = atom(atoms.get(j + 1), positions);
                chain = put(new Expr.Binary(Expr.Op.POW, chain, exponent), first.start, positions);
                j++;
            }
            acc = acc == null ? chain : put(new Expr.Binary(pending, acc, chain), ctx.start, positions);
            if (j < ops.size()) {
                pending = ops.get(j).getType() == OdeLumpLexer.STAR ? Expr.Op.MUL : Expr.Op.DIV;
            }
            i = j + 1;
        }
        return acc;
    }

    private Expr atom(OdeLumpParser.AtomContext ctx, Map<Expr, Token> positions) {
        // iterate over a run of unary minus signs instead of recursing
        int negs = 0;
        OdeLumpParser.AtomContext a = ctx;
        List<Token> negTokens = new ArrayList<>();
        while (a instanceof OdeLumpParser.NegAtomContext n) {
            negs++;
            negTokens.add(n.start);
            a = n.atom();
        }
        Expr e;
        if (a instanceof OdeLumpParser.NumAtomContext n) {
            e = new Expr.Num(OdeParser.parseNumber(n.NUMBER().getSymbol()));
        } else if (a instanceof OdeLumpParser.RefAtomContext r) {
            e = positions == null ? ref(r.ID().getText()) : new Expr.Ref(r.ID().getText());
        } else if (a instanceof OdeLumpParser.KeywordRefAtomContext k) {
            e = positions == null ? ref(k.getText()) : new Expr.Ref(k.getText());
        } else if (a instanceof OdeLumpParser.ParenAtomContext p) {
            e = build(p.expr(), positions);
        } else {
            OdeLumpParser.CallAtomContext c = (OdeLumpParser.CallAtomContext) a;
            List<Expr> args = new ArrayList<>();
            for (OdeLumpParser.ExprContext arg : c.expr()) {
                args.add(build(arg, positions));
            }
            e = new Expr.Call(c.ident().getText(), args);
        }
        e = put(e, a.start, positions);
        for (int k = negs - 1; k >= 0; k--) {
            e = put(new Expr.Neg(e), negTokens.get(k), positions);
        }
        return e;
    }

    private static Expr put(Expr e, Token at, Map<Expr, Token> positions) {
        if (positions != null) {
            positions.putIfAbsent(e, at);
        }
        return e;
    }

    private static String text(ParseTree t) {
        if (t instanceof TerminalNode n) {
            return n.getText();
        }
        return t.getText();
    }
}
