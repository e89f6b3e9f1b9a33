package org.odelump.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
import org.odelump.symbolic.NameResolver;

/**
 * Reads the dynamics of a model: the {@code ODE} section (one drift per variable) or the {@code reactions} section
 * (mass-action and {@code arbitrary} rates, whose drifts follow from the stoichiometry).
 */
final class DynamicsBuilder {

    private final ModelBuilder mb;
    private final Species species;
    private final Map<Integer, Polynomial> drifts = new HashMap<>();
    private final Map<Integer, Expr> driftSources = new HashMap<>();
    private final List<Reaction> reactions = new ArrayList<>();
    private boolean reactionNetwork;

    DynamicsBuilder(ModelBuilder mb) {
        this.mb = mb;
        this.species = mb.species;
    }

    /** Names resolve to variables first, then parameters. */
    NameResolver scope() {
        return NameResolver.of(species::indexOf, mb::parameterValue);
    }

    /** With undeclaredAsConstants: declares an unknown name as a constant variable (zero drift, value 0). */
    private boolean declareUndeclared(String name, Token at) {
        if (!mb.options().undeclaredAsConstants()) {
            return false;
        }
        species.add(name, null, at, true);
        mb.warn(at, "undeclared identifier '" + name + "' is read as a constant: an extra variable with zero drift"
                + " and initial value 0");
        return true;
    }

    private ExprCompiler.Compiled compile(OdeLumpParser.ExprContext e) {
        return mb.compiler().compile(e, scope(), this::declareUndeclared, mb::undeclared, true);
    }

    // ---- ODE -------------------------------------------------------------------------------------------------

    void ode(OdeLumpParser.OdeSectionContext sec, boolean initPresent) {
        Located loc = mb.loc();
        Map<Integer, Token> seen = new HashMap<>();
        List<OdeLumpParser.EquationContext> eqs = sec.equation();
        if (!initPresent) {
            for (OdeLumpParser.EquationContext eq : eqs) {
                String x = eq.ident(1).getText();
                if (species.indexOf(x) < 0 && !mb.paramAt.containsKey(x)) {
                    species.add(x, null, eq.ident(1).start, false);
                }
            }
        }
        for (OdeLumpParser.EquationContext eq : eqs) {
            try {
                String d = eq.ident(0).getText();
                if (!d.equals("d") && !d.equals("upd")) {
                    throw loc.error(eq.start, Kind.SYNTAX, "unexpected '" + d + "', expected an equation d(x) = ...");
                }
                String x = eq.ident(1).getText();
                Token xt = eq.ident(1).start;
                int i = species.indexOf(x);
                if (i < 0 || species.isExtra(i)) {
                    throw loc.error(xt, Kind.SEMANTIC, mb.paramAt.containsKey(x)
                            ? "d(" + x + ") is an equation for the parameter '" + x + "'"
                            : "d(" + x + ") names '" + x + "', which the init section does not declare");
                }
                if (seen.containsKey(i)) {
                    throw loc.error(eq.start, Kind.SEMANTIC, "duplicate equation d(" + x + ") (the first is at "
                            + Located.line(seen.get(i)) + ")");
                }
                seen.put(i, eq.start);
                ExprCompiler.Compiled c = compile(eq.expr());
                drifts.put(i, c.polynomial());
                driftSources.put(i, c.source());
            } catch (DslError e) {
                mb.collect(e);
            }
        }
        mb.stopIfErrors();
        for (int i = 0; i < species.size(); i++) {
            if (!species.isExtra(i) && !seen.containsKey(i)) {
                mb.collect(loc.error(species.declaredAt(i), Kind.SEMANTIC, "species '" + species.name(i)
                        + "' has no equation d(" + species.name(i) + ") = ... in the ODE section"));
            }
        }
    }

    // ---- reactions -------------------------------------------------------------------------------------------

    void reactions(OdeLumpParser.ReactionsSectionContext sec, boolean initPresent) {
        reactionNetwork = true;
        if (!initPresent) {
            for (OdeLumpParser.ReactionContext r : sec.reaction()) {
                for (OdeLumpParser.CompositeContext c : r.composite()) {
                    for (OdeLumpParser.SpeciesContext s : c.species()) {
                        String n = s.ident().getText();
                        if (species.indexOf(n) < 0 && !Species.isPseudo(n) && !mb.paramAt.containsKey(n)) {
                            species.add(n, null, s.ident().start, false);
                        }
                    }
                }
            }
        }
        for (OdeLumpParser.ReactionContext r : sec.reaction()) {
            try {
                reactions.add(reaction(r));
            } catch (DslError e) {
                mb.collect(e);
            }
        }
    }

    private Reaction reaction(OdeLumpParser.ReactionContext r) {
        Located loc = mb.loc();
        Monomial reagents = composite(r.composite(0));
        Monomial products = composite(r.composite(1));
        String label = null;
        if (r.label() != null && !r.label().ident().isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (OdeLumpParser.IdentContext id : r.label().ident()) {
                ids.add(id.getText());
            }
            label = String.join(" ", ids);
        }
        OdeLumpParser.RateContext rate = r.rate();
        if (rate instanceof OdeLumpParser.HillRateContext) {
            throw loc.error(rate.start, Kind.UNSUPPORTED, "Hill rates are not supported: they are not polynomial");
        }
        if (rate instanceof OdeLumpParser.ArbitraryRateContext a) {
            ExprCompiler.Compiled c = compile(a.expr());
            return new Reaction(label, reagents, products, c.polynomial(), false, c.source());
        }
        OdeLumpParser.ExprContext e = ((OdeLumpParser.PlainRateContext) rate).expr();
        ExprCompiler.Compiled c = compile(e);
        Polynomial k = c.polynomial();
        if (k.isConstant()) {
            Polynomial prop = k.isZero() ? Polynomial.ZERO : Polynomial.term(k.coefficient(0), reagents);
            return new Reaction(label, reagents, products, prop, true, c.source());
        }
        boolean onlyConstants = true;
        for (int v = k.variables().nextSetBit(0); v >= 0; v = k.variables().nextSetBit(v + 1)) {
            onlyConstants &= species.isExtra(v);
        }
        if (onlyConstants) {
            // a rate constant named by undeclared constants: mass action with a symbolic constant
            return new Reaction(label, reagents, products, k.times(Polynomial.term(1, reagents)), false,
                    c.source());
        }
        mb.warn(e.start, "the rate names a species without 'arbitrary': read as an arbitrary rate law"
                + " (CLUE dialect), the propensity is the expression itself");
        return new Reaction(label, reagents, products, k, false, c.source());
    }

    private Monomial composite(OdeLumpParser.CompositeContext c) {
        Located loc = mb.loc();
        List<Integer> multiset = new ArrayList<>();
        for (OdeLumpParser.SpeciesContext s : c.species()) {
            int mult = 1;
            if (s.NUMBER() != null) {
                double v = OdeParser.parseNumber(s.NUMBER().getSymbol());
                if (v < 1 || v != Math.rint(v) || v > 1000) {
                    throw loc.error(s.NUMBER().getSymbol(), Kind.SEMANTIC, "the stoichiometry "
                            + s.NUMBER().getText() + " is not a positive integer up to 1000");
                }
                mult = (int) v;
            }
            String n = s.ident().getText();
            int i = species.indexOf(n);
            if (i < 0 || species.isExtra(i)) {
                if (Species.isPseudo(n) && i < 0) {
                    continue;
                }
                throw loc.error(s.ident().start, Kind.SEMANTIC, "species '" + n
                        + "' in a reaction is not declared in the init section");
            }
            for (int k = 0; k < mult; k++) {
                multiset.add(i);
            }
        }
        int[] ms = new int[multiset.size()];
        for (int k = 0; k < ms.length; k++) {
            ms[k] = multiset.get(k);
        }
        return Monomial.ofMultiset(ms);
    }

    /** Puts drifts, sources and reactions into the builder (after all variables are known). */
    void fill(OdeSystem.Builder b) {
        int n = species.size();
        if (reactionNetwork) {
            b.reactions(reactions);
            b.drifts(OdeSystem.Builder.driftsOf(n, reactions));
            return;
        }
        List<Polynomial> fs = new ArrayList<>(n);
        List<Expr> src = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fs.add(drifts.getOrDefault(i, Polynomial.ZERO));
            src.add(driftSources.get(i));
        }
        b.drifts(fs).driftSources(src);
    }
}
