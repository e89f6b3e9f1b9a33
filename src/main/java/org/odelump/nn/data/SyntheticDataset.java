package org.odelump.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.odelump.dsl.OdeParser;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;

/**
 * Synthetic regression datasets made by simulating the ODE models shipped in {@code ode-specs/} (the "flow map"
 * recipe of the research notes on NN encodings, §4.2). Each row draws an initial state uniformly in a fixed box,
 * integrates the model from t = 0 to a horizon T, and records one observable at T (a variable or a sum of
 * variables). The inputs are the sampled initial values, named after the model's variables; there is one target
 * column. Targets are noise-free and generation is deterministic in the seed.
 *
 * <p>Sampling: {@code java.util.SplittableRandom(seed)} (the same sequence on every run of a given JDK); rows are
 * drawn in order, and inside a row one {@code nextDouble()} per input in the order of {@link #inputNames()}, mapped
 * affinely to [low, high), so the first k rows do not depend on the requested row count. Integration:
 * {@link Simulator} with the explicit Dormand–Prince 8(5,3) method, relative and absolute tolerance
 * {@value #TOLERANCE}; a row whose integration fails (never seen for these boxes) is an
 * {@link IllegalStateException}, never silently dropped.
 *
 * <p>The models are read from the classpath resources {@code /org/odelump/specs/<file>}, which the build copies from
 * {@code ode-specs/}, so the model text exists once, in {@code ode-specs/}.
 */
public enum SyntheticDataset {

    /**
     * The seven-species yeast glycolysis oscillator (Ruoff, Christensen, Wolf, Heinrich 2003) in its polynomial
     * recast with the auxiliary variable w. Inputs S1..S7 in the box of the research notes; target S6 (ATP) at
     * T = 0.5.
     */
    GLYCOLYTIC("glycolytic", "glycolytic_oscillator.ode", 0.5, new String[] {"S6"},
            new String[] {"S1", "S2", "S3", "S4", "S5", "S6", "S7"},
            new double[] {0.15, 0.19, 0.04, 0.10, 0.08, 0.14, 0.05},
            new double[] {1.60, 2.16, 0.20, 0.35, 0.30, 2.67, 0.10},
            "The auxiliary variable w is not an input: its initial value is set to 1/(1 + (S6(0)/K1)^4) with K1 read "
                    + "from the model's parameters, so that S1..S7 follow the original rational model."),

    /**
     * The hub circuit with ±5 % component tolerances: inputs h, v1..v4 in [−1, 1]; target v1 + v2 + v3 + v4 at
     * T = 10 (the bistable cubic nodes have settled near ±1.7 by then).
     */
    ELECTRICAL("electrical", "circuit_hub_tolerances.ode", 10.0, new String[] {"v1", "v2", "v3", "v4"},
            new String[] {"h", "v1", "v2", "v3", "v4"},
            new double[] {-1, -1, -1, -1, -1},
            new double[] {1, 1, 1, 1, 1},
            "Each node has a cubic conductance with two stable states, so the target records which basin every "
                    + "node voltage reaches through the hub coupling."),

    /**
     * The Becker–Döring chain truncated at size 6: monomer c1 in [0, 4], clusters c2..c6 in [0, 0.2]; target the
     * free monomer c1 at T = 0.5.
     */
    POLYMERISATION("polymerisation", "becker_doring.ode", 0.5, new String[] {"c1"},
            new String[] {"c1", "c2", "c3", "c4", "c5", "c6"},
            new double[] {0, 0, 0, 0, 0, 0},
            new double[] {4, 0.2, 0.2, 0.2, 0.2, 0.2},
            "The monomer range is wide and the cluster ranges small, so the total mass varies from near 0 to "
                    + "about 8 and the monomer consumption by dimerisation (quadratic in c1) dominates."),

    /**
     * The random mass-action network with a planted backward equivalence (four types A..D in three copies): all
     * twelve initial concentrations in [0, 4]; target B0 + B1 + B2 (a block total) at T = 1.
     */
    REACTION_NETWORK("rn", "random_network_planted.ode", 1.0, new String[] {"B0", "B1", "B2"},
            new String[] {"A0", "A1", "A2", "B0", "B1", "B2", "C0", "C1", "C2", "D0", "D1", "D2"},
            new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            new double[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4},
            "The target is the total of one block of the planted partition {A0, A1, A2}, {B0, B1, B2}, ...");

    /** The default number of rows. */
    public static final int DEFAULT_ROWS = 4000;

    /** Relative and absolute integration tolerance. */
    public static final double TOLERANCE = 1e-9;

    /** The directory of the packaged ode-specs models on the classpath. */
    public static final String RESOURCE_DIRECTORY = "/org/odelump/specs/";

    private static final Simulator.Options OPTIONS = new Simulator.Options(TOLERANCE, TOLERANCE, 2_000_000, 1e6);

    private final String key;
    private final String specFile;
    private final double horizon;
    private final String[] observable;
    private final String[] inputs;
    private final double[] low;
    private final double[] high;
    private final String note;

    SyntheticDataset(String key, String specFile, double horizon, String[] observable, String[] inputs,
                     double[] low, double[] high, String note) {
        this.key = key;
        this.specFile = specFile;
        this.horizon = horizon;
        this.observable = observable;
        this.inputs = inputs;
        this.low = low;
        this.high = high;
        this.note = note;
    }

    /** The command-line name: "glycolytic", "electrical", "polymerisation" or "rn". */
    public String key() {
        return key;
    }

    /** The model's file name in {@code ode-specs/}. */
    public String specFile() {
        return specFile;
    }

    /** The horizon T at which the observable is read. */
    public double horizon() {
        return horizon;
    }

    /** The variables whose sum at T is the target. */
    public List<String> observable() {
        return List.of(observable);
    }

    /** The feature names: the variables whose initial values are sampled, in sampling order. */
    public List<String> inputNames() {
        return List.of(inputs);
    }

    /** The lower corner of the sampling box, in the order of {@link #inputNames()}. */
    public double[] lowerBounds() {
        return low.clone();
    }

    /** The upper corner of the sampling box, in the order of {@link #inputNames()}. */
    public double[] upperBounds() {
        return high.clone();
    }

    /** The target column's name, for example {@code S6(T=0.5)}. */
    public String targetName() {
        return String.join("+", observable) + "(T=" + number(horizon) + ")";
    }

    /**
     * One paragraph describing the dataset: model file, inputs and their box, target, horizon, integrator and
     * tolerances, and how the seed is used.
     */
    public String recipe() {
        List<String> box = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            box.add(inputs[i] + " in [" + number(low[i]) + ", " + number(high[i]) + "]");
        }
        String others = unsampledVariables();
        return "Flow map of the model ode-specs/" + specFile + ". Each row draws the initial values "
                + String.join(", ", box) + " uniformly and independently"
                + (others.isEmpty() ? "" : " (" + others + ")") + ", integrates the model from t = 0 to T = "
                + number(horizon) + " with the explicit Dormand-Prince 8(5,3) method (Hipparchus, via odelump's "
                + "Simulator) at relative and absolute tolerance " + TOLERANCE + ", and takes as the single target "
                + targetName() + ", the value of " + String.join(" + ", observable) + " at T. The features are the "
                + "sampled initial values, named after the variables. " + note + " Rows are drawn in order from "
                + "java.util.SplittableRandom(seed), one nextDouble() per input in the order listed, mapped "
                + "affinely to its interval; the same seed and row count always give the same table.";
    }

    private String unsampledVariables() {
        if (this == GLYCOLYTIC) {
            return "w is derived from S6";
        }
        return "";
    }

    /** The parsed ode-specs model, read from the classpath. */
    public OdeSystem model() {
        String resource = RESOURCE_DIRECTORY + specFile;
        try (InputStream in = SyntheticDataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the model resource " + resource + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return OdeParser.parse(specFile, text).system();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model resource " + resource, e);
        }
    }

    /**
     * Generates the dataset.
     *
     * @param rows number of rows (&gt; 0)
     * @param seed sampling seed
     * @return rows × inputs features, one target column
     * @throws IllegalStateException if an integration does not complete
     */
    public Dataset generate(int rows, long seed) {
        if (rows <= 0) {
            throw new IllegalArgumentException("the number of rows must be positive, got " + rows);
        }
        OdeSystem m = model();
        int[] inputIndex = indices(m, inputs);
        int[] observableIndex = indices(m, observable);
        double[] base = m.initialValues();
        double[] times = {0.0, horizon};
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[rows][inputs.length];
        double[][] y = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            double[] state = base.clone();
            for (int i = 0; i < inputs.length; i++) {
                double v = low[i] + (high[i] - low[i]) * rnd.nextDouble();
                x[r][i] = v;
                state[inputIndex[i]] = v;
            }
            completeState(m, state);
            Trajectory t = new Simulator(m, state, times, OPTIONS).compute();
            if (t.status() != Trajectory.Status.COMPLETED) {
                throw new IllegalStateException(key + " row " + r + ": integration from " + Arrays.toString(state)
                        + " did not complete: " + t.message());
            }
            double sum = 0.0;
            for (int j : observableIndex) {
                sum += t.value(1, j);
            }
            y[r][0] = sum;
        }
        return new Dataset(List.of(inputs), List.of(targetName()), x, y);
    }

    /**
     * The full initial state of the model for one row of inputs: the model's own initial values, overwritten by
     * the inputs, then any derived variable set consistently (for {@link #GLYCOLYTIC}: w from S6).
     */
    public double[] initialState(double[] inputRow) {
        if (inputRow.length != inputs.length) {
            throw new IllegalArgumentException("expected " + inputs.length + " inputs, got " + inputRow.length);
        }
        OdeSystem m = model();
        double[] state = m.initialValues();
        int[] inputIndex = indices(m, inputs);
        for (int i = 0; i < inputs.length; i++) {
            state[inputIndex[i]] = inputRow[i];
        }
        completeState(m, state);
        return state;
    }

    private void completeState(OdeSystem m, double[] state) {
        if (this == GLYCOLYTIC) {
            double k1 = parameter(m, "K1");
            double s6 = state[m.indexOf("S6")] / k1;
            state[m.indexOf("w")] = 1.0 / (1.0 + s6 * s6 * s6 * s6);
        }
    }

    private static double parameter(OdeSystem m, String name) {
        for (Parameter p : m.parameters()) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        throw new IllegalStateException(m.name() + " has no parameter " + name);
    }

    private static int[] indices(OdeSystem m, String[] names) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = m.indexOf(names[i]);
            if (out[i] < 0) {
                throw new IllegalStateException(m.name() + " has no variable " + names[i]);
            }
        }
        return out;
    }

    /**
     * The dataset with the given command-line name.
     *
     * @throws IllegalArgumentException naming the valid keys if there is none
     */
    public static SyntheticDataset byKey(String key) {
        for (SyntheticDataset d : values()) {
            if (d.key.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown synthetic dataset '" + key + "'; valid names: "
                + Arrays.stream(values()).map(SyntheticDataset::key).collect(Collectors.joining(", ")));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v)
                : Double.toString(v);
    }
}
