package org.odelump.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.odelump.model.Expr;
import org.odelump.model.ExprPolynomials;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
import org.odelump.model.Variable;
import org.odelump.model.View;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;

/**
 * Writes a model as SBML Level 3 Version 2 core with JSBML, such that {@link SbmlReader} reads back the same
 * variables, initial values, drifts and views.
 *
 * <ul>
 *   <li>One compartment of size 1; every variable is a species in it, measured in concentration (so the
 *       species symbol, the initial concentration and the variable agree).</li>
 *   <li>Parameters are global constant parameters with their values.</li>
 *   <li>A reaction network whose reactions produce the model's drifts is written as reactions: reactants and
 *       products with their stoichiometries and the kinetic law {@code rate·Π reactants} (mass action, the rate's
 *       expression kept when it has one, so parameters stay named) or the propensity polynomial. Species whose drift
 *       is fixed at zero are boundary species. Any other model is written as one rate rule per species with its
 *       drift polynomial.</li>
 *   <li>A view becomes a non-constant parameter with an assignment rule.</li>
 *   <li>With parameter names ({@link #write(OdeSystem, boolean)}), for reduced models written with their
 *       parameters: rate rules are the drift sources where the model has them (parameters named), and a parameter
 *       defined by others keeps its definition as an initial assignment, so that a parameter scan in a simulator
 *       changes what it changes in the model.</li>
 * </ul>
 * What SBML cannot hold from a model is refused ({@link ExportException}): names that are not SBML identifiers,
 * views that call functions ({@code var(X)} and the like). The partition and commands, which SBML has no place for,
 * are reported as notes. Cost linear in the model's size.
 */
public final class SbmlWriter {

    private static final Pattern SID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SbmlWriter() {
    }

    /** The SBML text and notes on what was left out (partition, commands). */
    public record Result(String text, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /** Writes {@code m} as SBML L3V2 with numeric rate rules and parameter values. */
    public static Result write(OdeSystem m) throws ExportException {
        return write(m, false);
    }

    /**
     * Writes {@code m} as SBML L3V2; with {@code parameterNames} the rate rules are the drift sources (expressions
     * that name parameters) where {@code m} has them, and parameter definitions become initial assignments.
     */
    public static Result write(OdeSystem m, boolean parameterNames) throws ExportException {
        Set<String> ids = new HashSet<>();
        for (Variable v : m.variables()) {
            checkId(v.name(), "variable", ids);
        }
        for (org.odelump.model.Parameter p : m.parameters()) {
            checkId(p.name(), "parameter", ids);
        }
        for (View v : m.views()) {
            checkId(v.name(), "view", ids);
        }
        String modelId = m.name().replaceAll("[^A-Za-z0-9_]", "_");
        if (!SID.matcher(modelId).matches()) {
            modelId = "m_" + modelId;
        }
        String compartment = "cell";
        while (ids.contains(compartment)) {
            compartment += "_";
        }
        SBMLDocument doc = new SBMLDocument(3, 2);
        Model model = doc.createModel(modelId);
        model.setName(m.name());
        Compartment c = model.createCompartment(compartment);
        c.setSize(1.0);
        c.setConstant(true);
        c.setSpatialDimensions(3.0);
        Map<String, Double> declared = NetWriter.parameterValues(m);
        for (org.odelump.model.Parameter p : m.parameters()) {
            Parameter sp = model.createParameter(p.name());
            sp.setValue(p.value());
            sp.setConstant(true);
            if (parameterNames && p.source() != null && NetWriter.namesParameter(p.source(), declared)) {
                InitialAssignment ia = model.createInitialAssignment();
                ia.setVariable(p.name());
                try {
                    ia.setMath(math(p.source()));
                } catch (ExportException e) {
                    throw new ExportException("parameter " + p.name() + ": " + e.getMessage());
                }
            }
        }
        List<String> names = m.variableNames();
        boolean asReactions = m.isReactionNetwork() && reactionsGiveDrifts(m);
        List<Polynomial> reactionDrifts = asReactions
                ? OdeSystem.Builder.driftsOf(m.dimension(), m.reactions()) : null;
        for (int i = 0; i < m.dimension(); i++) {
            Variable v = m.variables().get(i);
            Species s = model.createSpecies(v.name(), c);
            if (v.displayName() != null) {
                s.setName(v.displayName());
            }
            s.setInitialConcentration(m.initialValue(i));
            s.setHasOnlySubstanceUnits(false);
            s.setConstant(false);
            s.setBoundaryCondition(asReactions && m.drift(i).isZero() && !reactionDrifts.get(i).isZero());
        }
        if (asReactions) {
            writeReactions(m, model, names);
        } else {
            for (int i = 0; i < m.dimension(); i++) {
                RateRule r = model.createRateRule();
                r.setVariable(names.get(i));
                Expr source = parameterNames ? m.driftSources().get(i) : null;
                try {
                    r.setMath(source != null ? math(source) : math(m.drift(i), names));
                } catch (ExportException e) {
                    throw new ExportException("d(" + names.get(i) + "): " + e.getMessage());
                }
            }
        }
        for (View v : m.views()) {
            Parameter p = model.createParameter(v.name());
            p.setConstant(false);
            AssignmentRule r = model.createAssignmentRule();
            r.setVariable(v.name());
            try {
                r.setMath(math(v.expression()));
            } catch (ExportException e) {
                throw new ExportException("view " + v.name() + ": " + e.getMessage());
            }
        }
        List<String> notes = new ArrayList<>();
        if (!m.partitionBlocks().isEmpty()) {
            notes.add("the partition (" + m.partitionBlocks().size() + " blocks) is not written: SBML has no partitions");
        }
        if (!m.commands().isEmpty()) {
            notes.add(m.commands().size() + " command(s) not written: SBML has no commands");
        }
        try {
            return new Result(new org.sbml.jsbml.SBMLWriter().writeSBMLToString(doc), notes);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("JSBML could not write the document", e);
        }
    }

    private static void checkId(String name, String what, Set<String> ids) throws ExportException {
        if (!SID.matcher(name).matches()) {
            throw new ExportException(what + " name '" + name + "' is not an SBML identifier ([A-Za-z_][A-Za-z0-9_]*)");
        }
        if (!ids.add(name)) {
            throw new ExportException("the name '" + name + "' is used twice (SBML identifiers are global)");
        }
    }

    /** True when the reactions give every drift, except drifts fixed at zero (clamped species). */
    private static boolean reactionsGiveDrifts(OdeSystem m) {
        List<Polynomial> fromReactions = OdeSystem.Builder.driftsOf(m.dimension(), m.reactions());
        for (int i = 0; i < m.dimension(); i++) {
            if (!m.drift(i).isZero() && !m.drift(i).equals(fromReactions.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void writeReactions(OdeSystem m, Model model, List<String> names) throws ExportException {
        Set<String> taken = new HashSet<>(names);
        taken.addAll(m.parameters().stream().map(org.odelump.model.Parameter::name).toList());
        taken.addAll(m.views().stream().map(View::name).toList());
        taken.add(model.getCompartment(0).getId());
        Map<String, Double> values = NetWriter.parameterValues(m);
        int k = 0;
        for (Reaction r : m.reactions()) {
            k++;
            String id = r.label() != null && SID.matcher(r.label()).matches() ? r.label() : "r" + k;
            while (!taken.add(id)) {
                id = id + "_" + k;
            }
            org.sbml.jsbml.Reaction sr = model.createReaction(id);
            sr.setReversible(false);
            references(r.reagents(), names, true, sr);
            references(r.products(), names, false, sr);
            KineticLaw law = sr.createKineticLaw();
            if (!r.massAction()) {
                law.setMath(math(r.propensity(), names));
                continue;
            }
            Expr source = NetWriter.rateSource(r, values);
            ASTNode constant = source != null ? math(source) : number(r.rateConstant());
            ASTNode rate = new ASTNode(ASTNode.Type.TIMES);
            rate.addChild(constant);
            factors(r.reagents(), names, rate);
            law.setMath(r.reagents().isConstant() ? constant : rate);
        }
    }

    private static void references(Monomial c, List<String> names, boolean reactant, org.sbml.jsbml.Reaction r) {
        for (int j = 0; j < c.size(); j++) {
            SpeciesReference ref = reactant ? r.createReactant() : r.createProduct();
            ref.setSpecies(names.get(c.var(j)));
            ref.setStoichiometry(c.exp(j));
            ref.setConstant(true);
        }
    }

    /** A polynomial as one sum of products (flat, however many terms it has). */
    private static ASTNode math(Polynomial p, List<String> names) {
        if (p.isZero()) {
            return new ASTNode(0);
        }
        ASTNode sum = new ASTNode(ASTNode.Type.PLUS);
        for (int t = 0; t < p.size(); t++) {
            ASTNode term = new ASTNode(ASTNode.Type.TIMES);
            term.addChild(number(p.coefficient(t)));
            factors(p.monomial(t), names, term);
            sum.addChild(p.monomial(t).isConstant() ? number(p.coefficient(t)) : term);
        }
        return p.size() == 1 ? sum.getChild(0) : sum;
    }

    private static void factors(Monomial m, List<String> names, ASTNode product) {
        for (int j = 0; j < m.size(); j++) {
            ASTNode x = new ASTNode(names.get(m.var(j)));
            if (m.exp(j) == 1) {
                product.addChild(x);
            } else {
                ASTNode pow = new ASTNode(ASTNode.Type.POWER);
                pow.addChild(x);
                pow.addChild(new ASTNode(m.exp(j)));
                product.addChild(pow);
            }
        }
    }

    private static ASTNode number(double v) {
        return v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE ? new ASTNode((int) v) : new ASTNode(v);
    }

    /** A model expression as a MathML tree; function calls are refused. */
    private static ASTNode math(Expr e) throws ExportException {
        if (e instanceof Expr.Num n) {
            double v = n.value();
            if (!Double.isFinite(v)) {
                throw new ExportException("the number " + v + " cannot be written");
            }
            return number(v);
        }
        if (e instanceof Expr.Ref r) {
            return new ASTNode(r.name());
        }
        if (e instanceof Expr.Neg n) {
            ASTNode out = new ASTNode(ASTNode.Type.MINUS);
            out.addChild(math(n.operand()));
            return out;
        }
        if (e instanceof Expr.Binary b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            // long sums are left-deep chains: one n-ary plus, subtracted terms negated, no recursion per term
            List<ASTNode> terms = new ArrayList<>();
            Expr cur = b;
            while (cur instanceof Expr.Binary x && (x.op() == Expr.Op.ADD || x.op() == Expr.Op.SUB)) {
                ASTNode t = math(x.right());
                if (x.op() == Expr.Op.SUB) {
                    ASTNode neg = new ASTNode(ASTNode.Type.MINUS);
                    neg.addChild(t);
                    t = neg;
                }
                terms.add(t);
                cur = x.left();
            }
            terms.add(math(cur));
            ASTNode out = new ASTNode(ASTNode.Type.PLUS);
            for (int i = terms.size() - 1; i >= 0; i--) {
                out.addChild(terms.get(i));
            }
            return out;
        }
        if (e instanceof Expr.Binary b) {
            // long products are left-deep chains too: flatten them
            List<Expr> operands = new ArrayList<>();
            Expr cur = b;
            while (cur instanceof Expr.Binary x && x.op() == b.op() && b.op() == Expr.Op.MUL) {
                operands.add(x.right());
                cur = x.left();
            }
            if (operands.isEmpty()) {
                ASTNode out = new ASTNode(type(b.op()));
                out.addChild(math(b.left()));
                out.addChild(math(b.right()));
                return out;
            }
            operands.add(cur);
            ASTNode out = new ASTNode(type(b.op()));
            for (int i = operands.size() - 1; i >= 0; i--) {
                out.addChild(math(operands.get(i)));
            }
            return out;
        }
        Expr.Call c = (Expr.Call) e;
        throw new ExportException("function " + c.function() + "(...) is not exported to SBML");
    }

    private static ASTNode.Type type(Expr.Op op) {
        return switch (op) {
            case ADD -> ASTNode.Type.PLUS;
            case SUB -> ASTNode.Type.MINUS;
            case MUL -> ASTNode.Type.TIMES;
            case DIV -> ASTNode.Type.DIVIDE;
            case POW -> ASTNode.Type.POWER;
        };
    }
}
