package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.odelump.dsl.ParametricDrifts;
import org.odelump.io.SbmlReader;
import org.odelump.lumping.ParametricQuotient;
import org.odelump.lumping.QuotientBuilder;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.Numbers;
import org.odelump.model.OdeSystem;

/**
 * {@code reduce --keep-parameters}: the reduced drifts of a model written with its parameter names where the
 * lumping holds for every value of them ({@link ParametricQuotient}), the others substituted and named; a
 * mass-action network reduces to reactions whose rate expressions name only the parameters that stay.
 * Only this path expands drifts again (and may start Symja for a drift that calls a function).
 */
final class KeptParameters {

    /**
     * What became of the parameters.
     *
     * @param lumped      the lumping with the reduced model written with parameter names
     * @param kept        parameters that stay names in the reduced drifts
     * @param cancelled   parameters that could stay names but cancel out of the reduced drifts
     * @param substituted parameter name → why its value was substituted
     * @param values      the substituted parameters' values
     * @param note        why nothing could be kept, or null
     */
    record Outcome(LumpedSystem lumped, List<String> kept, List<String> cancelled, Map<String, String> substituted,
                   Map<String, Double> values, String note) {
    }

    private KeptParameters() {
    }

    /**
     * @param lumped an exact lumping
     * @param sbml   the SBML file the origin was read from (read again with parameter names), or null
     */
    static Outcome apply(LumpedSystem lumped, Path sbml) {
        OdeSystem origin = lumped.origin();
        Map<String, String> numbered = Map.of();
        if (sbml != null) {
            SbmlReader.ParameterSources read = SbmlReader.readWithParameterSources(sbml);
            numbered = read.numbered();
            OdeSystem named = read.model().system();
            if (!named.variableNames().equals(origin.variableNames())) {
                throw new IllegalStateException("reading " + sbml + " again gave other variables");
            }
            origin = named;
        }
        if (!ParametricDrifts.hasSources(origin)) {
            return new Outcome(lumped, List.of(), List.of(), Map.of(), Map.of(), "the model's drifts were not written as "
                    + "expressions: the reduced drifts keep numbers");
        }
        ParametricDrifts.Extended e = ParametricDrifts.extend(origin);
        ParametricQuotient.Result r = new ParametricQuotient(lumped, e.system(), e.together()).compute();
        Set<String> dependent = new HashSet<>();
        for (int j : r.substituted()) {
            dependent.add(e.parameter(j));
        }
        Map<String, String> substituted = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        for (var p : origin.parameters()) {
            String why = dependent.contains(p.name()) ? "the lumping depends on its value"
                    : e.substituted().getOrDefault(p.name(), numbered.get(p.name()));
            if (why != null) {
                substituted.put(p.name(), why);
                values.put(p.name(), p.value());
            }
        }
        int k = lumped.partition().size();
        BitSet named = new BitSet();
        for (var f : r.drifts()) {
            named.or(f.variables());
        }
        Set<String> keptNames = new LinkedHashSet<>();
        Set<String> cancelled = new LinkedHashSet<>();
        for (int j : r.kept()) {
            (named.get(k + j) ? keptNames : cancelled).add(e.parameter(j));
        }
        cancelled.removeAll(keptNames);
        OdeSystem reduced;
        if (lumped.reduced().isReactionNetwork()) {
            // reduced reactions keep the rate expressions: those of the network with the substituted values
            OdeSystem withNumbers = ParametricDrifts.withValues(origin, substituted.keySet());
            reduced = ParametricDrifts.withUsedParameters(new QuotientBuilder(withNumbers, lumped.method(),
                    lumped.initialPartition(), lumped.initialDescription(), lumped.partition(),
                    Tolerance.of(lumped.tolerance())).compute().reduced(), origin, substituted.keySet());
        } else {
            reduced = ParametricDrifts.model(lumped.reduced(), origin, r.drifts(), e.indeterminates(),
                    substituted.keySet());
        }
        String note = r.kept().isEmpty() && substituted.isEmpty() ? "no parameter occurs in the drifts" : null;
        return new Outcome(lumped.withReduced(reduced), List.copyOf(keptNames), List.copyOf(cancelled), substituted,
                values, note);
    }

    /** Lines for the reduced file's header and the terminal. */
    static List<String> lines(Outcome o) {
        List<String> lines = new ArrayList<>();
        if (o.note() != null) {
            lines.add("Parameters: " + o.note());
        }
        if (!o.kept().isEmpty()) {
            lines.add("Parameters kept as names: " + String.join(", ", o.kept()));
        }
        if (!o.cancelled().isEmpty()) {
            lines.add("Parameters that cancel out of the reduced drifts: " + String.join(", ", o.cancelled()));
        }
        if (!o.substituted().isEmpty()) {
            List<String> parts = new ArrayList<>();
            o.substituted().forEach((name, why) -> parts.add(name + " = " + Numbers.format(o.values().get(name))
                    + " (" + why + ")"));
            lines.add("Parameters replaced by their values: " + String.join("; ", parts));
        }
        return lines;
    }

    /** The header lines on the terminal, as the reduction summary writes its lines. */
    static void print(PrintWriter out, Outcome o) {
        for (String line : lines(o)) {
            out.println("  " + Character.toLowerCase(line.charAt(0)) + line.substring(1));
        }
    }

    /** The outcome for {@code --json}. */
    static Map<String, Object> map(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kept", o.kept());
        m.put("cancelled", o.cancelled());
        List<Map<String, Object>> subs = new ArrayList<>();
        o.substituted().forEach((name, why) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("value", o.values().get(name));
            s.put("reason", why);
            subs.add(s);
        });
        m.put("substituted", subs);
        if (o.note() != null) {
            m.put("note", o.note());
        }
        return m;
    }
}
