package org.odelump.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A polynomial ODE system dx/dt = f(x), possibly given as a mass-action reaction network: variables in
 * declaration order, parameters, initial values, one sparse polynomial drift per variable, and what the model
 * file said besides (reactions, a user partition, views, commands). Immutable; build one with {@link #builder}.
 *
 * <p>The drifts are authoritative: for a reaction network they are derived from the reactions when the model is
 * built, and every algorithm reads them. Reactions, source expressions and commands are kept for printing and
 * reporting.
 *
 * <p>Equality is semantic: name, variables, parameter values, initial values, drifts, reactions, user partition,
 * views and commands. Source expressions and provenance are not compared.
 */
public final class OdeSystem {

    private final String name;
    private final List<Variable> variables;
    private final Map<String, Integer> indexByName;
    private final List<Parameter> parameters;
    private final double[] initialValues;
    private final List<Expr> initialSources;
    private final List<Polynomial> drifts;
    private final List<Expr> driftSources;
    private final boolean reactionNetwork;
    private final List<Reaction> reactions;
    private final List<List<Integer>> partitionBlocks;
    private final List<View> views;
    private final List<Command> commands;
    private final Provenance provenance;

    private OdeSystem(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.variables = List.copyOf(b.variables);
        this.parameters = List.copyOf(b.parameters);
        int n = variables.size();
        Map<String, Integer> idx = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (idx.put(variables.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate variable " + variables.get(i).name());
            }
        }
        Set<String> pnames = new HashSet<>();
        for (Parameter p : parameters) {
            if (!pnames.add(p.name())) {
                throw new IllegalArgumentException("duplicate parameter " + p.name());
            }
            if (idx.containsKey(p.name())) {
                throw new IllegalArgumentException(p.name() + " is both a parameter and a variable");
            }
        }
        this.indexByName = Collections.unmodifiableMap(idx);
        this.initialValues = sized(b.initialValues, n, "initial values");
        this.initialSources = Collections.unmodifiableList(sizedList(b.initialSources, n));
        if (b.drifts.size() != n) {
            throw new IllegalArgumentException("expected " + n + " drifts, got " + b.drifts.size());
        }
        for (Polynomial f : b.drifts) {
            Objects.requireNonNull(f, "drift");
            checkRange(f, n);
        }
        this.drifts = List.copyOf(b.drifts);
        this.driftSources = Collections.unmodifiableList(sizedList(b.driftSources, n));
        this.reactionNetwork = b.reactionNetwork;
        this.reactions = List.copyOf(b.reactions);
        for (Reaction r : reactions) {
            if (r.reagents().maxVar() >= n || r.products().maxVar() >= n) {
                throw new IllegalArgumentException("reaction refers to a variable out of range");
            }
            checkRange(r.propensity(), n);
        }
        List<List<Integer>> blocks = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (List<Integer> block : b.partitionBlocks) {
            for (int v : block) {
                if (v < 0 || v >= n || !seen.add(v)) {
                    throw new IllegalArgumentException("partition block " + block + " is out of range or overlaps");
                }
            }
            blocks.add(List.copyOf(block));
        }
        this.partitionBlocks = List.copyOf(blocks);
        this.views = List.copyOf(b.views);
        this.commands = List.copyOf(b.commands);
        this.provenance = b.provenance == null ? Provenance.generated("<in memory>") : b.provenance;
    }

    private static void checkRange(Polynomial f, int n) {
        for (int t = 0; t < f.size(); t++) {
            if (f.monomial(t).maxVar() >= n) {
                throw new IllegalArgumentException("polynomial refers to variable " + f.monomial(t).maxVar()
                        + " but the system has " + n);
            }
        }
    }

    private static double[] sized(double[] values, int n, String what) {
        if (values == null) {
            return new double[n];
        }
        if (values.length != n) {
            throw new IllegalArgumentException("expected " + n + " " + what + ", got " + values.length);
        }
        return values.clone();
    }

    private static <T> List<T> sizedList(List<T> values, int n) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(values != null && i < values.size() ? values.get(i) : null);
        }
        return out;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder pre-filled with this system's content, for making a modified copy. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.variables.addAll(variables);
        b.parameters.addAll(parameters);
        b.initialValues = initialValues.clone();
        b.initialSources = new ArrayList<>(initialSources);
        b.drifts.addAll(drifts);
        b.driftSources = new ArrayList<>(driftSources);
        b.reactionNetwork = reactionNetwork;
        b.reactions.addAll(reactions);
        b.partitionBlocks.addAll(partitionBlocks);
        b.views.addAll(views);
        b.commands.addAll(commands);
        b.provenance = provenance;
        return b;
    }

    public String name() {
        return name;
    }

    /** Number of variables. */
    public int dimension() {
        return variables.size();
    }

    public List<Variable> variables() {
        return variables;
    }

    /** Variable names in declaration order. */
    public List<String> variableNames() {
        List<String> names = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            names.add(v.name());
        }
        return names;
    }

    /** Index of the named variable, or -1. */
    public int indexOf(String variableName) {
        Integer i = indexByName.get(variableName);
        return i == null ? -1 : i;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Initial value of every variable (a copy). */
    public double[] initialValues() {
        return initialValues.clone();
    }

    public double initialValue(int i) {
        return initialValues[i];
    }

    /** The expression each initial value was written as; entries are null where none was written. */
    public List<Expr> initialSources() {
        return initialSources;
    }

    public List<Polynomial> drifts() {
        return drifts;
    }

    public Polynomial drift(int i) {
        return drifts.get(i);
    }

    /** The expression each drift was written as in an ODE section; entries are null otherwise. */
    public List<Expr> driftSources() {
        return driftSources;
    }

    /** True when the model was given as a reaction network. */
    public boolean isReactionNetwork() {
        return reactionNetwork;
    }

    public List<Reaction> reactions() {
        return reactions;
    }

    /** The blocks of the model's partition section as written (variable indices); empty when there is none. */
    public List<List<Integer>> partitionBlocks() {
        return partitionBlocks;
    }

    /**
     * The model's user partition with ERODE's meaning: listed blocks are blocks, and all unlisted variables form
     * one extra block. Without a partition section this is the single block of all variables.
     */
    public Partition userPartition() {
        int n = dimension();
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        for (int b = 0; b < partitionBlocks.size(); b++) {
            for (int v : partitionBlocks.get(b)) {
                labels[v] = b;
            }
        }
        int rest = partitionBlocks.size();
        for (int v = 0; v < n; v++) {
            if (labels[v] == -1) {
                labels[v] = rest;
            }
        }
        return Partition.fromLabels(labels);
    }

    public List<View> views() {
        return views;
    }

    public List<Command> commands() {
        return commands;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** Total number of monomial terms over all drifts. */
    public long termCount() {
        long t = 0;
        for (Polynomial f : drifts) {
            t += f.size();
        }
        return t;
    }

    /** The largest total degree of any drift term (0 for constant drifts, -1 when all drifts are zero). */
    public int maxDegree() {
        int d = -1;
        for (Polynomial f : drifts) {
            d = Math.max(d, f.degree());
        }
        return d;
    }

    /** The drift vector f(x). */
    public double[] evaluate(double[] x) {
        double[] out = new double[drifts.size()];
        evaluate(x, out);
        return out;
    }

    /** Writes f(x) into {@code out}. */
    public void evaluate(double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = drifts.get(i).evaluate(x);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof OdeSystem s && name.equals(s.name) && variables.equals(s.variables)
                && parameters.equals(s.parameters) && Arrays.equals(initialValues, s.initialValues)
                && drifts.equals(s.drifts) && reactionNetwork == s.reactionNetwork
                && reactions.equals(s.reactions) && partitionBlocks.equals(s.partitionBlocks)
                && views.equals(s.views) && commands.equals(s.commands);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, variables, parameters, Arrays.hashCode(initialValues), drifts, reactions);
    }

    @Override
    public String toString() {
        return "OdeSystem[" + name + ", " + dimension() + " variables, " + termCount() + " terms]";
    }

    /** Collects the parts of a system; {@link #build} validates them. */
    public static final class Builder {
        private String name;
        private final List<Variable> variables = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private double[] initialValues;
        private List<Expr> initialSources;
        private final List<Polynomial> drifts = new ArrayList<>();
        private List<Expr> driftSources;
        private boolean reactionNetwork;
        private final List<Reaction> reactions = new ArrayList<>();
        private final List<List<Integer>> partitionBlocks = new ArrayList<>();
        private final List<View> views = new ArrayList<>();
        private final List<Command> commands = new ArrayList<>();
        private Provenance provenance;

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String n) {
            this.name = n;
            return this;
        }

        public Builder variables(List<Variable> vs) {
            variables.clear();
            variables.addAll(vs);
            return this;
        }

        /** Adds variables by name. */
        public Builder variables(String... names) {
            for (String n : names) {
                variables.add(Variable.of(n));
            }
            return this;
        }

        public Builder parameters(List<Parameter> ps) {
            parameters.clear();
            parameters.addAll(ps);
            return this;
        }

        public Builder initialValues(double[] values) {
            this.initialValues = values.clone();
            return this;
        }

        public Builder initialSources(List<Expr> sources) {
            this.initialSources = new ArrayList<>(sources);
            return this;
        }

        public Builder drifts(List<Polynomial> fs) {
            drifts.clear();
            drifts.addAll(fs);
            return this;
        }

        public Builder driftSources(List<Expr> sources) {
            this.driftSources = new ArrayList<>(sources);
            return this;
        }

        /** Marks the model as a reaction network and sets its reactions (drifts are set separately). */
        public Builder reactions(List<Reaction> rs) {
            reactionNetwork = true;
            reactions.clear();
            reactions.addAll(rs);
            return this;
        }

        public Builder reactionNetwork(boolean rn) {
            this.reactionNetwork = rn;
            return this;
        }

        public Builder partitionBlocks(List<? extends List<Integer>> blocks) {
            partitionBlocks.clear();
            for (List<Integer> b : blocks) {
                partitionBlocks.add(List.copyOf(b));
            }
            return this;
        }

        public Builder views(List<View> vs) {
            views.clear();
            views.addAll(vs);
            return this;
        }

        public Builder commands(List<Command> cs) {
            commands.clear();
            commands.addAll(cs);
            return this;
        }

        public Builder provenance(Provenance p) {
            this.provenance = p;
            return this;
        }

        /** Drifts computed from reactions: Σ_r propensity_r · (π_r(s) − ρ_r(s)) for every variable s. */
        public static List<Polynomial> driftsOf(int n, List<Reaction> rs) {
            List<Polynomial.Builder> acc = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                acc.add(Polynomial.builder());
            }
            for (Reaction r : rs) {
                Set<Integer> touched = new HashSet<>();
                for (int k = 0; k < r.reagents().size(); k++) {
                    touched.add(r.reagents().var(k));
                }
                for (int k = 0; k < r.products().size(); k++) {
                    touched.add(r.products().var(k));
                }
                for (int s : touched) {
                    int net = r.netStoichiometry(s);
                    if (net != 0) {
                        acc.get(s).add(r.propensity(), net);
                    }
                }
            }
            List<Polynomial> out = new ArrayList<>(n);
            for (Polynomial.Builder b : acc) {
                out.add(b.build());
            }
            return out;
        }

        public OdeSystem build() {
            return new OdeSystem(this);
        }
    }
}
