package org.odelump.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.ExprPolynomials;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Provenance;
import org.odelump.model.Variable;
import org.odelump.model.View;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Constraint;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.ExplicitRule;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * The working state of one SBML import (per call): classifies the model's symbols, evaluates constants,
 * converts kinetic laws and rate rules into polynomials and sums them into drifts. Every problem is collected
 * as a located diagnostic; {@link #translate} throws them all at once.
 */
final class SbmlTranslator {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String file;
    private final Model model;
    private final Provenance provenance;
    private final SbmlLocator locator;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();

    private final Map<String, Compartment> compartments = new LinkedHashMap<>();
    private final Map<String, Species> species = new LinkedHashMap<>();
    private final Map<String, org.sbml.jsbml.Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, SpeciesReference> speciesReferences = new HashMap<>();
    private final Map<String, ASTNode> initialAssignments = new HashMap<>();
    private final Map<String, ASTNode> assignmentRules = new HashMap<>();
    private final Map<String, ASTNode> rateRules = new LinkedHashMap<>();

    private final Map<String, Integer> varIndex = new LinkedHashMap<>();
    private final List<String> varNames = new ArrayList<>();
    private final List<Variable> variables = new ArrayList<>();

    private final Map<String, Double> initCache = new HashMap<>();
    private final Set<String> initInProgress = new HashSet<>();
    private final Map<String, Polynomial> ruleCache = new HashMap<>();
    private final Set<String> ruleInProgress = new HashSet<>();
    private final SbmlMath math;
    /** With parameter sources: each rate's contribution to a drift, converted again with parameters as symbols. */
    private final List<Contribution> contributions;
    private final Map<String, Integer> symbolIndex = new HashMap<>();
    /** With parameter sources: parameters written as numbers in them, with the reason. */
    private final Map<String, String> numbered = new LinkedHashMap<>();

    /** A kinetic law or rate rule times its factor, added to the drift of variable {@code variable}. */
    private record Contribution(int variable, ASTNode math, Map<String, Double> locals, Polynomial numeric,
                                double factor, String what) {
    }

    SbmlTranslator(String file, Model model, Provenance provenance, String text) {
        this(file, model, provenance, text, false);
    }

    /** @param parameterSources also write each drift as an expression that names the constant parameters */
    SbmlTranslator(String file, Model model, Provenance provenance, String text, boolean parameterSources) {
        this.contributions = parameterSources ? new ArrayList<>() : null;
        this.file = file;
        this.model = model;
        this.provenance = provenance;
        this.locator = new SbmlLocator(text);
        this.math = new SbmlMath(model, varNames);
    }

    ImportedModel translate(String fallbackName) {
        collectSymbols();
        collectRules();
        for (Species s : species.values()) {
            if (!assignmentRules.containsKey(s.getId())) {
                addVariable(s.getId(), s.isSetName() ? s.getName() : null, "species");
            }
        }
        for (String p : rateRules.keySet()) {
            org.sbml.jsbml.Parameter par = parameters.get(p);
            if (par == null) {
                continue; // a species with a rate rule, already a variable
            }
            addVariable(p, par.isSetName() ? par.getName() : null, "parameter");
        }
        double[] init = initialValues();
        List<Parameter> outParams = outputParameters();
        List<Polynomial.Builder> drifts = new ArrayList<>();
        for (int i = 0; i < varNames.size(); i++) {
            drifts.add(Polynomial.builder());
        }
        addReactions(drifts);
        addRateRules(drifts);
        for (int k = 0; k < model.getEventCount(); k++) {
            Event e = model.getEvent(k);
            String name = e.isSetId() ? "event '" + e.getId() + "'" : "event #" + (k + 1);
            error(locator.nth("event", k), Kind.UNSUPPORTED,
                    name + ": events are not supported (they change the state discontinuously)");
        }
        if (!errors.isEmpty()) {
            // document order where the element was located; unlocated ones keep their order at the end
            errors.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.line() <= 0 ? Integer.MAX_VALUE : d.line())
                    .thenComparingInt(Diagnostic::column));
            throw new InvalidModelException(errors);
        }
        List<Polynomial> fs = new ArrayList<>();
        for (Polynomial.Builder b : drifts) {
            fs.add(b.build());
        }
        String name = model.isSetId() ? model.getId() : model.isSetName() ? model.getName() : fallbackName;
        OdeSystem.Builder builder = OdeSystem.builder(name).variables(variables).parameters(outParams)
                .initialValues(init).drifts(fs).views(assignmentViews()).provenance(provenance);
        if (contributions != null) {
            builder.driftSources(parameterSources(outParams));
        }
        OdeSystem system = builder.build();
        return new ImportedModel(system, warnings);
    }

    // ---- symbols -------------------------------------------------------------------------------------------

    private void collectSymbols() {
        for (Compartment c : model.getListOfCompartments()) {
            compartments.put(c.getId(), c);
        }
        for (Species s : model.getListOfSpecies()) {
            species.put(s.getId(), s);
            if (s.isSetConversionFactor()) {
                error(locator.element("species", "id", s.getId()), Kind.UNSUPPORTED,
                        "species '" + s.getId() + "': conversion factors are not supported");
            }
        }
        if (model.isSetConversionFactor()) {
            error(locator.nth("model", 0), Kind.UNSUPPORTED, "model conversion factors are not supported");
        }
        for (org.sbml.jsbml.Parameter p : model.getListOfParameters()) {
            parameters.put(p.getId(), p);
        }
        for (Reaction r : model.getListOfReactions()) {
            for (SpeciesReference sr : r.getListOfReactants()) {
                if (sr.isSetId()) {
                    speciesReferences.put(sr.getId(), sr);
                }
            }
            for (SpeciesReference sr : r.getListOfProducts()) {
                if (sr.isSetId()) {
                    speciesReferences.put(sr.getId(), sr);
                }
            }
        }
        for (InitialAssignment ia : model.getListOfInitialAssignments()) {
            String v = ia.getVariable();
            if (speciesReferences.containsKey(v)) {
                error(locator.element("initialAssignment", "symbol", v), Kind.UNSUPPORTED,
                        "initial assignment for species reference '" + v + "': variable stoichiometry is not supported");
            } else if (ia.isSetMath()) {
                initialAssignments.put(v, ia.getMath());
            }
        }
        for (Constraint c : model.getListOfConstraints()) {
            warn(locator.nth("constraint", model.getListOfConstraints().indexOf(c)),
                    "constraint ignored (odelump does not check constraints)");
        }
    }

    private void collectRules() {
        int algebraic = 0;
        for (Rule rule : model.getListOfRules()) {
            if (rule instanceof AlgebraicRule) {
                error(locator.nth("algebraicRule", algebraic++), Kind.UNSUPPORTED,
                        "algebraic rule: algebraic rules are not supported");
                continue;
            }
            ExplicitRule er = (ExplicitRule) rule;
            String v = er.getVariable();
            boolean rate = rule instanceof RateRule;
            String tag = rate ? "rateRule" : "assignmentRule";
            Supplier<SbmlLocator.Position> at = () -> locator.element(tag, "variable", v);
            String what = rate ? "rate rule" : "assignment rule";
            if (compartments.containsKey(v)) {
                error(at, Kind.UNSUPPORTED, what + " for compartment '" + v
                        + "': only compartments of constant size are supported");
            } else if (speciesReferences.containsKey(v)) {
                error(at, Kind.UNSUPPORTED, what + " for species reference '" + v
                        + "': variable stoichiometry is not supported");
            } else if (rate && species.containsKey(v) && changedByReactions(species.get(v))) {
                error(at, Kind.UNSUPPORTED, "rate rule for species '" + v
                        + "': the species is also a reactant or product of a reaction (only boundary species may be)");
            } else if (!species.containsKey(v) && !parameters.containsKey(v)) {
                error(at, Kind.SEMANTIC, what + " for undefined identifier '" + v + "'");
            } else if (!er.isSetMath()) {
                error(at, Kind.SEMANTIC, what + " for '" + v + "' has no math");
            } else if (rate) {
                rateRules.put(v, er.getMath());
            } else if (rule instanceof AssignmentRule) {
                assignmentRules.put(v, er.getMath());
            }
        }
    }

    /** True when a non-boundary species is a reactant or product of some reaction. */
    private boolean changedByReactions(Species s) {
        if (s.getBoundaryCondition()) {
            return false;
        }
        for (Reaction r : model.getListOfReactions()) {
            for (SpeciesReference sr : r.getListOfReactants()) {
                if (s.getId().equals(sr.getSpecies())) {
                    return true;
                }
            }
            for (SpeciesReference sr : r.getListOfProducts()) {
                if (s.getId().equals(sr.getSpecies())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void addVariable(String id, String displayName, String what) {
        if (!IDENTIFIER.matcher(id).matches()) {
            error(locator.element(what, "id", id), Kind.SEMANTIC,
                    what + " id '" + id + "' is not a valid identifier ([A-Za-z_][A-Za-z0-9_]*)");
        }
        varIndex.put(id, varNames.size());
        varNames.add(id);
        variables.add(new Variable(id, displayName));
    }

    // ---- initial values --------------------------------------------------------------------------------------

    private double[] initialValues() {
        double[] init = new double[varNames.size()];
        for (int i = 0; i < init.length; i++) {
            String id = varNames.get(i);
            init[i] = evaluateInitial(id, species.containsKey(id) ? "species" : "parameter");
        }
        for (String c : compartments.keySet()) {
            evaluateInitial(c, "compartment");
        }
        return init;
    }

    private List<Parameter> outputParameters() {
        List<Parameter> out = new ArrayList<>();
        for (String c : compartments.keySet()) {
            out.add(new Parameter(c, initCache.getOrDefault(c, Double.NaN), null));
        }
        for (String p : parameters.keySet()) {
            if (!assignmentRules.containsKey(p) && !rateRules.containsKey(p)) {
                out.add(new Parameter(p, evaluateInitial(p, "parameter"), null));
            }
        }
        return out;
    }

    /** The initial value of a symbol, recording a located error (and returning NaN) when it cannot be computed. */
    private double evaluateInitial(String id, String tag) {
        try {
            return initial(id, null);
        } catch (SbmlMath.Failure f) {
            SbmlLocator.Position at = initialAssignments.containsKey(id)
                    ? locator.element("initialAssignment", "symbol", id) : locator.element(tag, "id", id);
            String where = initialAssignments.containsKey(id) ? "initial assignment for '" + id + "'"
                    : assignmentRules.containsKey(id) ? "assignment rule for '" + id + "'" : "value of '" + id + "'";
            error(at, f.kind, where + ": " + message(f));
            initCache.put(id, Double.NaN);
            return Double.NaN;
        }
    }

    private double initial(String id, ASTNode at) {
        Double cached = initCache.get(id);
        if (cached != null) {
            return cached;
        }
        if (!initInProgress.add(id)) {
            throw new SbmlMath.Failure(Kind.SEMANTIC, at, "the initial value of '" + id + "' depends on itself");
        }
        try {
            double v;
            SbmlMath.Resolver initResolver = (name, node) -> Polynomial.constant(initial(name, node));
            if (initialAssignments.containsKey(id)) {
                v = math.toConstant(initialAssignments.get(id), initResolver);
            } else if (assignmentRules.containsKey(id)) {
                v = math.toConstant(assignmentRules.get(id), initResolver);
            } else if (species.containsKey(id)) {
                v = declaredSpeciesValue(species.get(id), at);
            } else if (compartments.containsKey(id)) {
                Compartment c = compartments.get(id);
                if (c.isSetSize()) {
                    v = c.getSize();
                } else {
                    warn(locator.element("compartment", "id", id), "compartment '" + id + "' has no size; 1 assumed");
                    v = 1;
                }
            } else if (parameters.containsKey(id)) {
                org.sbml.jsbml.Parameter p = parameters.get(id);
                if (!p.isSetValue()) {
                    throw new SbmlMath.Failure(Kind.SEMANTIC, at, "parameter '" + id + "' has no value");
                }
                v = p.getValue();
            } else if (speciesReferences.containsKey(id)) {
                throw new SbmlMath.Failure(Kind.UNSUPPORTED, at, "refers to species reference '" + id
                        + "' (variable stoichiometry is not supported)");
            } else {
                throw undefined(id, at);
            }
            initCache.put(id, v);
            return v;
        } finally {
            initInProgress.remove(id);
        }
    }

    private double declaredSpeciesValue(Species s, ASTNode at) {
        boolean amounts = s.getHasOnlySubstanceUnits();
        if (s.isSetInitialConcentration()) {
            double c = s.getInitialConcentration();
            return amounts ? c * initial(s.getCompartment(), at) : c;
        }
        if (s.isSetInitialAmount()) {
            double a = s.getInitialAmount();
            return amounts ? a : a / initial(s.getCompartment(), at);
        }
        warn(locator.element("species", "id", s.getId()), "species '" + s.getId() + "' has no initial value; 0 assumed");
        return 0;
    }

    // ---- rates ---------------------------------------------------------------------------------------------

    /** Resolves a name inside a kinetic law or rate rule: variables, substituted rules, then constants. */
    private Polynomial dynamic(String id, ASTNode at, Map<String, Double> locals) {
        Double local = locals.get(id);
        if (local != null) {
            if (local.isNaN()) {
                throw new SbmlMath.Failure(Kind.SEMANTIC, at, "local parameter '" + id + "' has no value");
            }
            return Polynomial.constant(local);
        }
        Integer v = varIndex.get(id);
        if (v != null) {
            return Polynomial.variable(v);
        }
        if (assignmentRules.containsKey(id)) {
            Polynomial cached = ruleCache.get(id);
            if (cached != null) {
                return cached;
            }
            if (!ruleInProgress.add(id)) {
                throw new SbmlMath.Failure(Kind.SEMANTIC, at, "the assignment rule for '" + id + "' depends on itself");
            }
            try {
                Polynomial p = math.toPolynomial(assignmentRules.get(id), (n, node) -> dynamic(n, node, Map.of()));
                ruleCache.put(id, p);
                return p;
            } catch (SbmlMath.Failure f) {
                if (f.getMessage().startsWith("in assignment rule")) {
                    throw f;
                }
                throw new SbmlMath.Failure(f.kind, f.node, "in assignment rule for '" + id + "': " + message(f));
            } finally {
                ruleInProgress.remove(id);
            }
        }
        if (model.getReaction(id) != null) {
            throw new SbmlMath.Failure(Kind.UNSUPPORTED, at, "refers to reaction '" + id
                    + "' (reaction extents are not supported)");
        }
        if (species.containsKey(id) || compartments.containsKey(id) || parameters.containsKey(id)
                || speciesReferences.containsKey(id)) {
            double c = initial(id, at);
            if (Double.isNaN(c)) {
                throw new SbmlMath.Failure(Kind.SEMANTIC, at, "uses '" + id + "', whose value is invalid");
            }
            return Polynomial.constant(c);
        }
        throw undefined(id, at);
    }

    private static SbmlMath.Failure undefined(String id, ASTNode at) {
        return new SbmlMath.Failure(Kind.SEMANTIC, at, "undefined identifier '" + id + "'");
    }

    @SuppressWarnings("deprecation") // 'fast' is gone from L3V2 but L2 files still set it; it must be rejected
    private void addReactions(List<Polynomial.Builder> drifts) {
        for (Reaction r : model.getListOfReactions()) {
            String rid = r.getId();
            Supplier<SbmlLocator.Position> at = () -> locator.element("reaction", "id", rid); // searched on error only
            String prefix = "reaction '" + rid + "': ";
            if (r.isSetFast() && r.getFast()) {
                error(at, Kind.UNSUPPORTED, prefix + "fast reactions are not supported");
                continue;
            }
            KineticLaw kl = r.getKineticLaw();
            if (kl == null || !kl.isSetMath()) {
                error(at, Kind.SEMANTIC, prefix + "has no kinetic law");
                continue;
            }
            Map<String, Double> stoichiometry = new LinkedHashMap<>();
            boolean ok = stoichiometry(r, r.getListOfReactants(), -1, stoichiometry, at, prefix)
                    & stoichiometry(r, r.getListOfProducts(), +1, stoichiometry, at, prefix);
            Map<String, Double> locals = new HashMap<>();
            for (LocalParameter lp : kl.getListOfLocalParameters()) {
                locals.put(lp.getId(), lp.isSetValue() ? lp.getValue() : Double.NaN);
            }
            Polynomial rate;
            try {
                rate = math.toPolynomial(kl.getMath(), (n, node) -> dynamic(n, node, locals));
            } catch (SbmlMath.Failure f) {
                String what = f.kind == Kind.NOT_POLYNOMIAL ? "kinetic law is not polynomial in the species: "
                        : "kinetic law: ";
                error(at, f.kind, prefix + what + message(f));
                continue;
            }
            if (!ok) {
                continue;
            }
            for (Map.Entry<String, Double> e : stoichiometry.entrySet()) {
                Species s = species.get(e.getKey());
                Integer v = varIndex.get(e.getKey());
                if (e.getValue() == 0 || v == null || s.getBoundaryCondition() || s.getConstant()) {
                    continue; // boundary and constant species are not changed by reactions
                }
                double scale = s.getHasOnlySubstanceUnits() ? 1 : 1 / initCache.get(s.getCompartment());
                drifts.get(v).add(rate, e.getValue() * scale);
                if (contributions != null) {
                    contributions.add(new Contribution(v, kl.getMath(), locals, rate, e.getValue() * scale,
                            "the kinetic law of reaction " + rid));
                }
            }
        }
    }

    @SuppressWarnings("deprecation") // stoichiometryMath exists in L2 only; it must be rejected there
    private boolean stoichiometry(Reaction r, List<SpeciesReference> refs, int sign, Map<String, Double> out,
                                  Supplier<SbmlLocator.Position> at, String prefix) {
        boolean ok = true;
        for (SpeciesReference sr : refs) {
            if (!species.containsKey(sr.getSpecies())) {
                error(at, Kind.SEMANTIC, prefix + "undefined species '" + sr.getSpecies() + "'");
                ok = false;
                continue;
            }
            if (sr.isSetStoichiometryMath()) {
                error(at, Kind.UNSUPPORTED, prefix + "stoichiometryMath for species '" + sr.getSpecies()
                        + "' is not supported");
                ok = false;
                continue;
            }
            double st;
            if (sr.isSetStoichiometry()) {
                st = sr.getStoichiometry();
            } else {
                if (r.getLevel() >= 3) {
                    warn(at, prefix + "species reference to '" + sr.getSpecies() + "' has no stoichiometry; 1 assumed");
                }
                st = 1;
            }
            out.merge(sr.getSpecies(), sign * st, Double::sum);
        }
        return ok;
    }

    private void addRateRules(List<Polynomial.Builder> drifts) {
        for (Map.Entry<String, ASTNode> e : rateRules.entrySet()) {
            String id = e.getKey();
            try {
                Polynomial rate = math.toPolynomial(e.getValue(), (n, node) -> dynamic(n, node, Map.of()));
                drifts.get(varIndex.get(id)).add(rate);
                if (contributions != null) {
                    contributions.add(new Contribution(varIndex.get(id), e.getValue(), Map.of(), rate, 1.0,
                            "the rate rule for " + id));
                }
            } catch (SbmlMath.Failure f) {
                String what = f.kind == Kind.NOT_POLYNOMIAL ? "not polynomial in the variables: " : "";
                error(locator.element("rateRule", "variable", id), f.kind, "rate rule for '" + id + "': "
                        + what + message(f));
            }
        }
    }

    /**
     * Each drift as an expression in which the constant parameters keep their names where a change of the
     * parameter changes only those terms, as in the model: compartments (they also scale concentrations), parameters
     * tied to others by initial assignments, and parameters of a rate that is not polynomial with them as symbols
     * (in a divisor or a function) are numbers; {@link #numbered} says which and why.
     */
    private List<Expr> parameterSources(List<Parameter> outParams) {
        for (String c : compartments.keySet()) {
            numbered.put(c, "it is a compartment size");
        }
        for (Map.Entry<String, ASTNode> ia : initialAssignments.entrySet()) {
            if (parameters.containsKey(ia.getKey())) {
                numbered.putIfAbsent(ia.getKey(), "it has an initial assignment");
                for (String ref : names(ia.getValue())) {
                    if (parameters.containsKey(ref)) {
                        numbered.putIfAbsent(ref, "the initial assignment of " + ia.getKey() + " uses it");
                    }
                }
            }
        }
        List<Polynomial> named = null;
        for (int pass = 0; named == null; pass++) {
            symbolIndex.clear();
            for (Parameter p : outParams) {
                if (!numbered.containsKey(p.name())) {
                    symbolIndex.put(p.name(), varNames.size() + symbolIndex.size());
                }
            }
            named = new ArrayList<>();
            for (Contribution c : contributions) {
                try {
                    named.add(math.toPolynomial(c.math(), (n, node) -> {
                        Integer j = c.locals().containsKey(n) ? null : symbolIndex.get(n);
                        return j != null ? Polynomial.variable(j) : dynamic(n, node, c.locals());
                    }));
                } catch (SbmlMath.Failure f) {
                    // its parameters become numbers everywhere; with none of them a symbol, it converts again
                    for (String ref : names(c.math())) {
                        if (symbolIndex.containsKey(ref)) {
                            numbered.putIfAbsent(ref, "it occurs in " + c.what() + " other than polynomially");
                        }
                    }
                    named = null;
                }
                if (named == null) {
                    break;
                }
            }
            if (pass > outParams.size()) {
                throw new IllegalStateException("parameter sources do not converge");
            }
        }
        // name only the numbers that matter: those in a rate, and compartments that scale a concentration
        Set<String> matter = new HashSet<>();
        contributions.forEach(c -> matter.addAll(names(c.math())));
        species.values().stream().filter(sp -> !sp.getHasOnlySubstanceUnits()).forEach(sp -> matter.add(sp.getCompartment()));
        numbered.keySet().retainAll(matter);
        List<Polynomial.Builder> drifts = new ArrayList<>();
        for (int i = 0; i < varNames.size(); i++) {
            drifts.add(Polynomial.builder());
        }
        for (int k = 0; k < contributions.size(); k++) {
            drifts.get(contributions.get(k).variable()).add(named.get(k), contributions.get(k).factor());
        }
        List<String> names = new ArrayList<>(varNames);
        for (Parameter p : outParams) {
            if (symbolIndex.containsKey(p.name())) {
                names.add(p.name());
            }
        }
        List<Expr> exprs = new ArrayList<>();
        for (Polynomial.Builder b : drifts) {
            exprs.add(ExprPolynomials.toExpr(b.build(), names));
        }
        return exprs;
    }

    /** Parameters written as numbers in the drift sources, with the reason (empty without parameter sources). */
    Map<String, String> numberedParameters() {
        return java.util.Collections.unmodifiableMap(numbered);
    }

    /** The identifiers an SBML formula refers to. */
    private static Set<String> names(ASTNode node) {
        Set<String> out = new HashSet<>();
        java.util.ArrayDeque<ASTNode> work = new java.util.ArrayDeque<>(List.of(node));
        while (!work.isEmpty()) {
            ASTNode n = work.pop();
            if (n.isName()) {
                out.add(n.getName());
            }
            n.getChildren().forEach(work::push);
        }
        return out;
    }

    /**
     * Every assignment rule becomes a view {@code id = polynomial in the variables} (parameters and other rules
     * substituted); a rule that is not polynomial in the variables is named in a warning instead.
     */
    private List<View> assignmentViews() {
        List<View> views = new ArrayList<>();
        for (Rule rule : model.getListOfRules()) {
            if (!(rule instanceof AssignmentRule ar) || !assignmentRules.containsKey(ar.getVariable())) {
                continue;
            }
            String id = ar.getVariable();
            try {
                Polynomial p = dynamic(id, ar.getMath(), Map.of());
                views.add(new View(id, ExprPolynomials.toExpr(p, varNames)));
            } catch (SbmlMath.Failure f) {
                warn(locator.element("assignmentRule", "variable", id), "assignment rule for '" + id
                        + "' is not kept as a view: " + message(f));
            }
        }
        return views;
    }

    // ---- diagnostics ---------------------------------------------------------------------------------------

    private static String message(SbmlMath.Failure f) {
        return f.function == null ? f.getMessage() : "in function '" + f.function + "': " + f.getMessage();
    }

    private void error(Supplier<SbmlLocator.Position> at, Kind kind, String message) {
        error(at.get(), kind, message);
    }

    private void warn(Supplier<SbmlLocator.Position> at, String message) {
        warn(at.get(), message);
    }

    private void error(SbmlLocator.Position at, Kind kind, String message) {
        errors.add(new Diagnostic(file, at.line(), at.column(), kind, message));
    }

    private void warn(SbmlLocator.Position at, String message) {
        warnings.add(new Diagnostic(file, at.line(), at.column(), Kind.WARNING, message));
    }
}
