package org.odelump.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.odelump.dsl.OdeParser;
import org.odelump.io.BngNetReader;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.BackwardEquivalence;
import org.odelump.lumping.EpsilonEquivalence;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.EpsilonSettings;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.ForwardEquivalence;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.nn.Activation;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.prune.BaselineMatching;
import org.odelump.nn.compress.Compensation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.compress.DynamicsLumping;
import org.odelump.nn.compress.EpsilonSearch;
import org.odelump.nn.prune.GlobalMagnitudePruning;
import org.odelump.nn.compress.LeastSquaresSelection;
import org.odelump.nn.compress.LumpingCompressor;
import org.odelump.nn.Mlp;
import org.odelump.nn.train.MlpTrainer;
import org.odelump.nn.compress.NetworkEncoder;
import org.odelump.nn.data.Standardisation;
import org.odelump.nn.train.TrainingListener;
import org.odelump.nn.train.TrainingOptions;
import org.odelump.nn.prune.WandaPruning;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.GridSimulation;
import org.odelump.numeric.IntegratorChoice;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import org.odelump.numeric.Verification;

/** The cases of {@code odelump bench}: parsing, the largest corpus networks, generated systems, ε-lumping, stiff simulation. */
final class BenchCases {

    /**
     * One measured case.
     *
     * @param group  parse, nets or synthetic
     * @param name   what was measured, e.g. {@code fceri_gamma2_asym.net FE}
     * @param facts  sizes and outcomes (variables, terms, blocks, ...), in display order
     * @param m      the measurement
     */
    record Result(String group, String name, Map<String, Object> facts, BenchRunner.Measurement m) {
    }

    /** The five largest networks of the shared corpus, relative to {@code corpus/}. */
    static final List<String> LARGEST_NETS = List.of(
            "RuleWorld_bionetgen/generated/fceri_gamma2_asym.net",
            "SciML_Catalyst_PLOS_COMPBIO_2023/net/fceri_gamma2.net",
            "RuleWorld_bionetgen/generated/fceri_fyn_lig.net",
            "SciML_Catalyst_PLOS_COMPBIO_2023/net/BCR.net",
            "RuleWorld_bionetgen/net/fceri_fyn.net");

    private final int repeat;
    private final long seed;
    private final Consumer<String> progress;
    private final List<Result> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchCases(int repeat, long seed, Consumer<String> progress) {
        this.repeat = repeat;
        this.seed = seed;
        this.progress = progress;
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Parse + normalise: generates a DSL file with {@code terms} monomial terms over {@code variables} variables
     * into {@code workDir}, then times {@link OdeParser#parse(Path)} on it (reading, parsing, building the
     * normalised polynomial model). The file is deleted afterwards.
     */
    void parse(Path workDir, int variables, long terms) throws Exception {
        Path file = Files.createTempFile(workDir, "bench-parse-", ".ode");
        try {
            progress.accept("parse: generating " + terms + " terms over " + variables + " variables");
            long written = SyntheticModels.writeDsl(file, variables, terms, seed);
            long bytes = Files.size(file);
            BenchRunner.Timed<long[]> t = BenchRunner.measure(repeat, () -> {
                OdeSystem s = OdeParser.parse(file).system();
                return new long[] {s.dimension(), s.termCount()};
            });
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("variables", t.result()[0]);
            facts.put("terms written", written);
            facts.put("monomials after normalisation", t.result()[1]);
            facts.put("file MB", round(bytes / 1e6, 1));
            add(new Result("parse", "parse+normalise " + terms + " terms", facts, t.measurement()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The largest corpus networks: load time ({@link BngNetReader}), then FE and BE refinement of the loaded model
     * from the one-block initial partition. Skipped with a note when the corpus is absent.
     */
    void nets(Path shared, List<String> relativePaths) throws Exception {
        Path corpus = shared.resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            String note = "nets: skipped, no corpus at " + corpus.toAbsolutePath().normalize()
                    + " (a fresh clone has no third-party corpus; pass --shared DIR)";
            notes.add(note);
            progress.accept(note);
            return;
        }
        for (String rel : relativePaths) {
            Path f = corpus.resolve(rel);
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f)) {
                String note = "nets: skipped " + rel + ", not found under " + corpus;
                notes.add(note);
                progress.accept(note);
                continue;
            }
            BenchRunner.Timed<OdeSystem> load = BenchRunner.measure(repeat, () -> BngNetReader.read(f).system());
            OdeSystem s = load.result();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("file", rel);
            facts.put("species", s.dimension());
            facts.put("reactions", s.reactions().size());
            facts.put("monomials", s.termCount());
            facts.put("file MB", round(Files.size(f) / 1e6, 1));
            add(new Result("nets", name + " load", facts, load.measurement()));
            refine("nets", name, s, facts);
        }
    }

    /**
     * Generated systems with about {@code sizes[i]} monomials (ten per variable, degree ≤ 2), one with planted
     * forward and one with planted backward structure per size: FE and BE refinement time from one block.
     */
    void synthetic(long[] sizes) throws Exception {
        for (SyntheticModels.Plant plant : SyntheticModels.Plant.values()) {
            for (long size : sizes) {
                progress.accept("synthetic: building " + size + " monomials, planted " + plant);
                OdeSystem s = SyntheticModels.planted(size, plant, seed);
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("planted", plant.name());
                facts.put("target monomials", size);
                facts.put("variables", s.dimension());
                facts.put("monomials", s.termCount());
                refine("synthetic", s.name(), s, facts);
            }
        }
    }

    private void refine(String group, String name, OdeSystem s, Map<String, Object> base) throws Exception {
        Partition one = Partition.single(s.dimension());
        for (String method : new String[] {"FE", "BE"}) {
            BenchRunner.Timed<Partition> t = BenchRunner.measure(repeat, () -> method.equals("FE")
                    ? new ForwardEquivalence(s, one, Tolerance.DEFAULT).compute()
                    : new BackwardEquivalence(s, one, Tolerance.DEFAULT).compute());
            Map<String, Object> facts = new LinkedHashMap<>(base);
            facts.put("method", method);
            facts.put("blocks", t.result().size());
            add(new Result(group, name + " " + method, facts, t.measurement()));
        }
    }

    /**
     * ε-FE and ε-BE (components grouping, absolute ε) on one corpus network, at several ε, after loading it once.
     * Skipped with a note when the corpus is absent.
     */
    void epsilon(Path shared, String relativePath, double[] epsilons) throws Exception {
        OdeSystem s = corpusModel(shared, relativePath, "epsilon");
        if (s == null) {
            return;
        }
        Partition one = Partition.single(s.dimension());
        String name = Path.of(relativePath).getFileName().toString();
        for (LumpedSystem.Method method : LumpedSystem.Method.values()) {
            for (double eps : epsilons) {
                BenchRunner.Timed<Partition> t = BenchRunner.measure(repeat, () -> new EpsilonEquivalence(s, method,
                        one, eps, EpsilonMode.ABS, Grouping.COMPONENTS, Tolerance.DEFAULT).compute().partition());
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("file", relativePath);
                facts.put("species", s.dimension());
                facts.put("monomials", s.termCount());
                facts.put("method", "eps-" + method);
                facts.put("epsilon", eps);
                facts.put("blocks", t.result().size());
                add(new Result("epsilon", name + " eps-" + method + " " + eps, facts, t.measurement()));
            }
        }
    }

    /**
     * Stiff simulation: one corpus network and its FE reduction (from one block), each integrated with RODAS4
     * from 0 to {@code tEnd} at the given tolerances; the time is the integration alone (the model is loaded and
     * reduced beforehand).
     */
    void stiff(Path shared, String relativePath, double tEnd, double relTol, double absTol) throws Exception {
        OdeSystem s = corpusModel(shared, relativePath, "stiff");
        if (s == null) {
            return;
        }
        String name = Path.of(relativePath).getFileName().toString();
        OdeSystem reduced = new Reduction(s, LumpedSystem.Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute()
                .reduced();
        double[] grid = Simulator.grid(tEnd, 100);
        for (OdeSystem m : new OdeSystem[] {s, reduced}) {
            BenchRunner.Timed<GridSimulation.Result> t = BenchRunner.measure(repeat, () -> new GridSimulation(m,
                    null, grid, new IntegratorChoice(IntegratorChoice.Mode.STIFF, relTol, absTol)).compute());
            GridSimulation.Result r = t.result();
            if (r.trajectory().status() != Trajectory.Status.COMPLETED) {
                throw new IllegalStateException(m.name() + ": " + r.trajectory().message());
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("file", relativePath);
            facts.put("model", m == s ? "original" : "FE-reduced");
            facts.put("variables", m.dimension());
            facts.put("monomials", m.termCount());
            facts.put("t_end", tEnd);
            facts.put("rel/abs tol", relTol + "/" + absTol);
            facts.put("steps", r.stiffStatistics().acceptedSteps());
            facts.put("rejected", r.stiffStatistics().rejectedSteps());
            facts.put("drift evaluations", r.evaluations());
            facts.put("Jacobian evaluations", r.stiffStatistics().jacobianEvaluations());
            facts.put("linear solver", r.stiffStatistics().linearSolver());
            add(new Result("stiff", name + " " + (m == s ? "original" : "FE-reduced") + " RODAS4", facts,
                    t.measurement()));
        }
    }

    /**
     * Network compression on a seeded 8-256-256-256-1 tanh MLP (Glorot-uniform weights): encode + one AFDE
     * compression (layer-wise encoding printed and parsed, relative ε 0.3); and a 20-point AFDE ε sweep (relative
     * ε 0.05..1, encoded once) with global magnitude pruning and Wanda (256 random calibration inputs) at each
     * AFDE result's non-zero parameter count.
     */
    void nn() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        Mlp net = glorotTanh(rnd, 8, 256, 256, 256, 1);
        double[][] calibration = new double[256][8];
        for (double[] row : calibration) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rnd.nextDouble(-1, 1);
            }
        }
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("network", "8-256-256-256-1 tanh");
        base.put("parameters", net.parameterCount());
        progress.accept("nn: encode + AFDE on " + base.get("network"));
        BenchRunner.Timed<LumpingCompressor.Result> one = BenchRunner.measure(repeat, () -> new LumpingCompressor(net,
                LumpingCompressor.Method.AFDE, 0.3, EpsilonMode.REL).compute());
        Map<String, Object> facts = new LinkedHashMap<>(base);
        facts.put("epsilon (rel)", 0.3);
        facts.put("parameters after", one.result().network().parameterCount());
        add(new Result("nn", "encode + AFDE 3x256 tanh", facts, one.measurement()));
        progress.accept("nn: 20-point AFDE sweep with magnitude and Wanda");
        BenchRunner.Timed<long[]> sweep = BenchRunner.measure(repeat, () -> {
            LumpingCompressor.Prepared prepared = LumpingCompressor.prepare(net, NetworkEncoder.DEFAULT_BETA,
                    true);
            long smallest = Long.MAX_VALUE;
            for (int k = 1; k <= 20; k++) {
                double eps = 0.05 * k;
                Mlp afde = new LumpingCompressor(prepared, LumpingCompressor.Method.AFDE, eps, EpsilonMode.REL,
                        Grouping.COMPONENTS, Tolerance.DEFAULT).compute().network();
                long target = afde.nonZeroCount();
                new GlobalMagnitudePruning(net, target).compute();
                new WandaPruning(net, calibration, target).compute();
                smallest = Math.min(smallest, target);
            }
            return new long[] {smallest};
        });
        Map<String, Object> sweepFacts = new LinkedHashMap<>(base);
        sweepFacts.put("points", 20);
        sweepFacts.put("smallest AFDE count", sweep.result()[0]);
        add(new Result("nn", "AFDE sweep + magnitude + Wanda, 20 points", sweepFacts, sweep.measurement()));
    }

    /**
     * Training speed: an 8-64-64-1 tanh network on {@code rows} standardised rows of y = sin(x0) + x1² + 0.01·noise
     * (x uniform in [−2, 2]^8), {@code epochs} epochs of Adam (learning rate 1e-3, batch 64, no early stopping).
     * The hash of the trained weights shows that the repeated runs are bit-identical.
     */
    void training(int rows, int epochs) throws Exception {
        java.util.Random rnd = new java.util.Random(seed);
        double[][] x = new double[rows][8];
        double[][] y = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 8; c++) {
                x[r][c] = 4 * rnd.nextDouble() - 2;
            }
            y[r][0] = Math.sin(x[r][0]) + x[r][1] * x[r][1] + 0.01 * rnd.nextGaussian();
        }
        List<String> names = java.util.stream.IntStream.range(0, 8).mapToObj(c -> "x" + c).toList();
        Dataset z = Standardisation.fit(new Dataset(names, List.of("y"), x, y)).apply(new Dataset(names,
                List.of("y"), x, y));
        Dataset none = z.select(new int[0]);
        TrainingOptions o = new TrainingOptions(List.of(64, 64), Activation.TANH, 1e-3, 64, epochs, 0, 1);
        String name = "train 8-64-64-1 tanh, " + rows + " rows x " + epochs + " epochs";
        progress.accept("train: " + name);
        BenchRunner.Timed<MlpTrainer.Result> t = BenchRunner.measure(repeat,
                () -> new MlpTrainer(z, none, o, TrainingListener.NONE).train());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rows", rows);
        facts.put("epochs", epochs);
        facts.put("batch", 64);
        facts.put("final train loss", round(t.result().report().trainLoss().get(epochs - 1), 6));
        facts.put("weights hash", Integer.toHexString(t.result().network().hashCode()));
        add(new Result("train", name, facts, t.measurement()));
    }

    /**
     * The measurement behind the default grouping rule (docs/approximate.md): for each model, method and rule,
     * the blocks and the verification error (max relative error of the direct quotient on t in [0, 10]) at each
     * relative ε. The time is that of all ε together.
     */
    void grouping(Path specs, double[] epsilons) throws Exception {
        Verification.Options opts = new Verification.Options(10.0, 100,
                new Simulator.Options(1e-9, 1e-9, 2_000_000, 1e100), 0.0);
        for (String file : List.of("circuit_hub_tolerances.ode", "becker_doring_tolerances.ode",
                "linear_chain.ode")) {
            Path f = specs.resolve(file);
            if (!Files.isRegularFile(f)) {
                String note = "grouping: skipped, " + f.toAbsolutePath().normalize() + " not found (run from the "
                        + "repository root)";
                notes.add(note);
                progress.accept(note);
                continue;
            }
            OdeSystem s = OdeParser.parse(f).system();
            boolean ic = file.startsWith("circuit");
            Partition initial = ic ? Prepartition.IC.initialPartition(s) : Partition.single(s.dimension());
            for (LumpedSystem.Method m : LumpedSystem.Method.values()) {
                for (Grouping g : Grouping.values()) {
                    BenchRunner.Timed<List<double[]>> t = BenchRunner.measure(repeat, () -> {
                        List<double[]> rows = new ArrayList<>();
                        for (double eps : epsilons) {
                            LumpedSystem l = new ApproximateReduction(s, m, initial, ic ? "IC" : "NONE",
                                    new EpsilonSettings(eps, EpsilonMode.REL, g, Tolerance.DEFAULT)).compute()
                                    .lumped();
                            Verification.Report rep = Verification.of(s, l, opts).compute();
                            rows.add(new double[] {l.partition().size(), rep.failure().isEmpty() ? rep.maxRel()
                                    : Double.NaN});
                        }
                        return rows;
                    });
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("epsilon (rel)", java.util.Arrays.toString(epsilons));
                    facts.put("blocks", t.result().stream().map(r -> (int) r[0]).toList().toString());
                    facts.put("max rel error", t.result().stream()
                            .map(r -> String.format(java.util.Locale.ROOT, "%.3e", r[1])).toList().toString());
                    add(new Result("grouping", file.replace(".ode", "") + (ic ? " (ic)" : "") + " " + m + " "
                            + g.name().toLowerCase(java.util.Locale.ROOT), facts, t.measurement()));
                }
            }
        }
    }

    /** A tanh MLP with Glorot-uniform weights and biases in [-0.1, 0.1), identity output. */
    private static Mlp glorotTanh(java.util.SplittableRandom rnd, int... widths) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            double limit = Math.sqrt(6.0 / (widths[l - 1] + widths[l]));
            double[][] w = new double[widths[l]][widths[l - 1]];
            double[] b = new double[widths[l]];
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < w[j].length; i++) {
                    w[j][i] = rnd.nextDouble(-limit, limit);
                }
                b[j] = rnd.nextDouble(-0.1, 0.1);
            }
            layers.add(new DenseLayer(w, b, l == widths.length - 1 ? Activation.IDENTITY : Activation.TANH));
        }
        return new Mlp(layers);
    }

    /**
     * Time per compressed network as {@code odelump experiment} spends it, for the experiment's deeper architecture
     * (a seeded 8-64-64-64-1 tanh MLP, 512 calibration inputs): each method to half the parameters, then the
     * refit compensation. lsq (ridge validated on held-out calibration rows, ε by bisection), dynamics (ε by
     * bisection), afde with the weights criterion (ε by bisection on the encoding), and magnitude, Wanda and
     * structured pruning at lsq's count.
     */
    void compressionMethods() throws Exception {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed + 1);
        Mlp net = glorotTanh(rnd, 8, 64, 64, 64, 1);
        double[][] cal = new double[512][8];
        for (double[] row : cal) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rnd.nextDouble(-1, 1);
            }
        }
        long target = net.parameterCount() / 2;
        Compensation refit = Compensation.REFIT;
        long lsqCount = LeastSquaresSelection.withValidatedRidge(net, cal,
                (rows, ridge) -> LeastSquaresSelection.atMost(net, rows, ridge, target)).network().nonZeroCount();
        Map<String, java.util.concurrent.Callable<Mlp>> methods = new LinkedHashMap<>();
        methods.put("lsq", () -> {
            LeastSquaresSelection.Result r = LeastSquaresSelection.withValidatedRidge(net, cal,
                    (rows, ridge) -> LeastSquaresSelection.atMost(net, rows, ridge, target));
            return refit.apply(net, r.network(), r.neuronOrigin(), cal);
        });
        methods.put("dynamics", () -> {
            DynamicsLumping.Result r = DynamicsLumping.atMost(net, cal, target);
            return refit.apply(net, r.network(), r.neuronOrigin(), cal);
        });
        methods.put("afde (weights)", () -> {
            LumpingCompressor.Prepared p = LumpingCompressor.prepare(net, 50.0, true);
            LumpingCompressor.Result r = new EpsilonSearch(p, LumpingCompressor.Method.AFDE, EpsilonMode.REL)
                    .atMost(target).result();
            return refit.apply(net, r, cal);
        });
        for (BaselineMatching.Baseline b : List.of(BaselineMatching.Baseline.GLOBAL_MAGNITUDE,
                BaselineMatching.Baseline.WANDA, BaselineMatching.Baseline.STRUCTURED_MAGNITUDE)) {
            methods.put(b.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), () -> refit.apply(net,
                    new BaselineMatching(net, cal, lsqCount).compute().get(b), cal));
        }
        for (Map.Entry<String, java.util.concurrent.Callable<Mlp>> e : methods.entrySet()) {
            progress.accept("compression: " + e.getKey() + " to half the parameters + refit");
            BenchRunner.Timed<Mlp> t = BenchRunner.measure(repeat, e.getValue());
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("network", "8-64-64-64-1 tanh");
            facts.put("parameters", net.parameterCount());
            facts.put("parameters after", t.result().nonZeroCount());
            add(new Result("nn", e.getKey() + " + refit, half the parameters", facts, t.measurement()));
        }
    }

    private OdeSystem corpusModel(Path shared, String relativePath, String group) {
        Path f = shared.resolve("corpus").resolve(relativePath);
        if (!Files.isRegularFile(f)) {
            String note = group + ": skipped, " + f.toAbsolutePath().normalize()
                    + " not found (a fresh clone has no third-party corpus; pass --shared DIR)";
            notes.add(note);
            progress.accept(note);
            return null;
        }
        return BngNetReader.read(f).system();
    }

    /** ode-specs models of the cli cases, relative to the working directory (the repository root). */
    static final List<String> CLI_SPECS = List.of("ode-specs/multisite2.ode");

    /** Corpus models of the cli cases: small and medium models of issue 14, then its largest networks. */
    static final List<String> CLI_CORPUS = List.of(
            "clue-developers_CLUE/polynomial/BIOMD0000000101.ode",
            "SciML_Catalyst_PLOS_COMPBIO_2023/net/multisite2.net",
            "RuleWorld_bionetgen/net/fceri_fyn.net",
            "SciML_Catalyst_PLOS_COMPBIO_2023/net/fceri_gamma2.net");

    /**
     * Whole-process times of {@code check} and {@code reduce} and the phase table ({@link CliBench}), on the
     * ode-specs models and the corpus models above; a missing file is skipped with a note.
     */
    void cli(Path shared, Path workDir, List<String> libraries) throws Exception {
        List<CliBench.Model> models = new ArrayList<>();
        for (String rel : CLI_SPECS) {
            cliModel(models, Path.of(rel), rel);
        }
        Path corpus = shared.resolve("corpus");
        if (!Files.isDirectory(corpus)) {
            note("cli: corpus models skipped, no corpus at " + corpus.toAbsolutePath().normalize()
                    + " (pass --shared DIR)");
        } else {
            for (String rel : CLI_CORPUS) {
                cliModel(models, corpus.resolve(rel), rel);
            }
        }
        if (models.isEmpty()) {
            return;
        }
        CliBench cli = new CliBench(repeat, workDir, progress);
        cli.wholeProcess(models);
        // phases of the smallest and the largest model
        List<CliBench.Model> phaseModels = models.size() == 1 ? models
                : List.of(models.get(models.size() > 1 ? 1 : 0), models.get(models.size() - 1));
        cli.phases(phaseModels, List.of("fe", "be"), libraries);
        results.addAll(cli.results());
        notes.addAll(cli.notes());
    }

    private void cliModel(List<CliBench.Model> models, Path file, String rel) throws java.io.IOException {
        if (Files.isRegularFile(file)) {
            int n = ModelLoader.load(file, ModelLoader.Format.AUTO, false).system().dimension();
            models.add(new CliBench.Model(file.getFileName().toString(), file, n));
        } else {
            note("cli: skipped " + rel + ", not found at " + file.toAbsolutePath().normalize());
        }
    }

    private void note(String note) {
        notes.add(note);
        progress.accept(note);
    }

    private void add(Result r) {
        results.add(r);
        System.gc();
        progress.accept(String.format(java.util.Locale.ROOT,
                "%s: %s: median %.3f s (cpu %.3f s, gc %.3f s), peak heap %d MB %s", r.group(), r.name(),
                r.m().medianWall(), r.m().medianCpu(), r.m().medianGc(), Math.round(r.m().peakHeapBytes() / 1e6),
                r.facts()));
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
