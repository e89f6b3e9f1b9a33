package org.odelump.dsl;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.odelump.model.Command;
import org.odelump.model.Expr;
import org.odelump.model.Monomial;
import org.odelump.model.Numbers;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
import org.odelump.model.Variable;
import org.odelump.model.View;
import org.odelump.symbolic.NameResolver;

/**
 * Writes a model as canonical DSL text, valid ERODE {@code .ode} syntax where ERODE has the construct, such that
 * {@code OdeParser.parse(name, print(m)).system().equals(m)}. Drifts and arbitrary rates are printed as expanded
 * polynomials; parameters and mass-action rates keep their source expression when it still evaluates to the
 * stored value.
 */
public final class DslPrinter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private DslPrinter() {
    }

    /** The model as DSL text. */
    public static String print(OdeSystem m) {
        return print(m, List.of());
    }

    /** How the drifts of a model given as ODEs are written. */
    public enum Drifts {
        /** Expanded numeric polynomials (the canonical form). */
        EXPANDED,
        /**
         * The drift source where the model has one (e.g. drifts with parameter names from {@link ParametricDrifts}),
         * else the expanded polynomial; the model should hold the drifts its sources read as.
         */
        SOURCES
    }

    /** The model as DSL text after {@code // } comment lines. */
    public static String print(OdeSystem m, List<String> headerComments) {
        return print(m, headerComments, Drifts.EXPANDED);
    }

    /** The model as DSL text after {@code // } comment lines, ODE drifts written as {@code drifts} says. */
    public static String print(OdeSystem m, List<String> headerComments, Drifts drifts) {
        StringBuilder sb = new StringBuilder();
        for (String c : headerComments) {
            for (String line : c.split("\\R", -1)) {
                sb.append("// ").append(line).append('\n');
            }
        }
        sb.append("begin model ").append(ModelNames.toHeader(m.name())).append('\n');
        List<String> names = m.variableNames();
        parameters(m, sb);
        init(m, sb);
        if (!m.partitionBlocks().isEmpty()) {
            sb.append(" begin partition\n");
            for (List<Integer> block : m.partitionBlocks()) {
                sb.append("  {");
                for (int i = 0; i < block.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(names.get(block.get(i)));
                }
                sb.append("}\n");
            }
            sb.append(" end partition\n");
        }
        if (m.isReactionNetwork()) {
            reactions(m, names, sb);
        } else {
            sb.append(" begin ODE\n");
            for (int i = 0; i < names.size(); i++) {
                Expr source = drifts == Drifts.SOURCES ? m.driftSources().get(i) : null;
                sb.append("  d(").append(names.get(i)).append(") = ")
                        .append(source != null ? ExprPrinter.print(source) : polynomial(m.drift(i), names))
                        .append('\n');
            }
            sb.append(" end ODE\n");
        }
        if (!m.views().isEmpty()) {
            sb.append(" begin views\n");
            for (View v : m.views()) {
                sb.append("  ").append(v.name()).append(" = ").append(ExprPrinter.print(v.expression())).append('\n');
            }
            sb.append(" end views\n");
        }
        for (Command c : m.commands()) {
            sb.append(' ').append(command(c)).append('\n');
        }
        return sb.append("end model\n").toString();
    }

    /** A polynomial as DSL text that never relies on ERODE's unary-minus precedence. */
    static String polynomial(Polynomial p, List<String> names) {
        String s = p.format(names);
        if (!p.isZero() && p.coefficient(0) == -1.0) {
            Monomial m = p.monomial(0);
            if (!m.isConstant() && m.exp(0) != 1) {
                s = "-1*" + s.substring(1);
            }
        }
        return s;
    }

    private static void parameters(OdeSystem m, StringBuilder sb) {
        if (m.parameters().isEmpty()) {
            return;
        }
        sb.append(" begin parameters\n");
        Map<String, Double> known = new java.util.HashMap<>();
        for (Parameter p : m.parameters()) {
            sb.append("  ").append(p.name()).append(" = ").append(valueText(p.value(), p.source(), known)).append('\n');
            known.put(p.name(), p.value());
        }
        sb.append(" end parameters\n");
    }

    private static void init(OdeSystem m, StringBuilder sb) {
        Map<String, Double> known = new java.util.HashMap<>();
        for (Parameter p : m.parameters()) {
            known.put(p.name(), p.value());
        }
        sb.append(" begin init\n");
        for (int i = 0; i < m.dimension(); i++) {
            Variable v = m.variables().get(i);
            sb.append("  ").append(v.name());
            double x = m.initialValue(i);
            Expr src = m.initialSources().get(i);
            if (x != 0 || 1 / x < 0 || src != null) {
                sb.append(" = ").append(valueText(x, src, known));
            }
            if (v.displayName() != null) {
                String q = v.displayName().contains("\"") ? "'" : "\"";
                sb.append(" ( ").append(q).append(v.displayName()).append(q).append(" )");
            }
            sb.append('\n');
        }
        sb.append(" end init\n");
    }

    /** The source expression when it evaluates to exactly {@code value} from {@code known}, else the number. */
    private static String valueText(double value, Expr source, Map<String, Double> known) {
        if (source != null) {
            try {
                Polynomial p = new PolyConverter(NameResolver.of(name -> -1, known::get)).convert(source);
                double v = p.isZero() ? 0 : p.coefficient(0);
                if (p.isConstant() && Double.doubleToLongBits(v) == Double.doubleToLongBits(value)) {
                    return ExprPrinter.print(source);
                }
            } catch (RuntimeException | StackOverflowError e) {
                // fall through to the number
            }
        }
        return Numbers.format(value);
    }

    private static void reactions(OdeSystem m, List<String> names, StringBuilder sb) {
        String empty = "EmptySet";
        for (String candidate : List.of("EmptySet", "SINK", "trash", "null")) {
            if (m.indexOf(candidate) < 0) {
                empty = candidate;
                break;
            }
        }
        Map<String, Double> known = new java.util.HashMap<>();
        for (Parameter p : m.parameters()) {
            known.put(p.name(), p.value());
        }
        sb.append(" begin reactions\n");
        for (Reaction r : m.reactions()) {
            sb.append("  ").append(composite(r.reagents(), names, empty)).append(" -> ")
                    .append(composite(r.products(), names, empty)).append(" , ");
            if (r.massAction()) {
                sb.append(valueText(r.rateConstant(), r.rateSource(), known));
            } else {
                sb.append("arbitrary ").append(polynomial(r.propensity(), names));
            }
            if (r.label() != null) {
                sb.append(" [").append(r.label()).append(']');
            }
            sb.append('\n');
        }
        sb.append(" end reactions\n");
    }

    private static String composite(Monomial c, List<String> names, String empty) {
        if (c.isConstant()) {
            return empty;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.size(); i++) {
            if (i > 0) {
                sb.append(" + ");
            }
            if (c.exp(i) != 1) {
                sb.append(c.exp(i)).append('*');
            }
            sb.append(names.get(c.var(i)));
        }
        return sb.toString();
    }

    private static String command(Command c) {
        StringBuilder sb = new StringBuilder();
        String target = c.options().get(CommandReader.TARGET);
        if (target != null) {
            sb.append(target).append(" = ");
        }
        sb.append(c.name()).append('(');
        boolean first = true;
        for (Map.Entry<String, String> o : c.options().entrySet()) {
            if (o.getKey().equals(CommandReader.TARGET)) {
                continue;
            }
            sb.append(first ? "" : ", ").append(o.getKey()).append('=').append(optionValue(o.getValue()));
            first = false;
        }
        return sb.append(')').toString();
    }

    private static String optionValue(String v) {
        if (PLAIN.matcher(v).matches() || isList(v)) {
            return v;
        }
        String q = v.contains("\"") ? "'" : "\"";
        return q + v + q;
    }

    private static boolean isList(String v) {
        if (!v.startsWith("[") || !v.endsWith("]")) {
            return false;
        }
        String inner = v.substring(1, v.length() - 1).strip();
        if (inner.isEmpty()) {
            return v.equals("[]");
        }
        for (String part : inner.split(",", -1)) {
            if (!PLAIN.matcher(part.strip()).matches()) {
                return false;
            }
        }
        return true;
    }
}
