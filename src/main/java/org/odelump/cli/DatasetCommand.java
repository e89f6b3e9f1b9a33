package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.nn.Softmax;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.GlyphDataset;
import org.odelump.nn.experiment.ExperimentDataset;
import org.odelump.nn.experiment.ExperimentPlan;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code odelump dataset NAME}: writes one dataset of the compression experiment as CSV, exactly as {@code odelump
 * experiment} sees it (generated synthetic rows, or the engineered features of a UCI file), so that it can be fed to
 * {@code odelump compress} or to other tools.
 */
@CommandLine.Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {
            "Writes a dataset of `odelump experiment` as CSV (features, then the target column).",
            "Synthetic: glycolytic, electrical, polymerisation, rn are simulated from the models in ode-specs/",
            "  (--rows, fixed seed as in the experiment unless --seed is given).",
            "UCI: abalone, protein, metro, hepc are read from --data-dir and written with the experiment's",
            "  feature engineering (one-hot categories, calendar features).",
            "Classification: glyphs writes noisy 8x8 images of five glyphs (64 pixel columns p00..p77, then",
            "  the class label column 'label': bar, dash, slash, box, plus), --rows rows, seed 1 unless --seed.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump dataset glycolytic -o glycolytic.csv",
            "  odelump dataset metro --data-dir ~/uci -o metro.csv",
            "  odelump dataset glyphs --rows 600 --seed 2 -o glyphs.test.csv",
            "  odelump compress models/glycolytic_64x64.json --data glycolytic.csv --target 'S6(T=0.5)' \\",
            "      --ratio 2 -o out/",
            "",
            "Exit codes: 0 ok, 2 invalid input or usage (unknown name, missing file).",
        })
final class DatasetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "glycolytic, electrical, polymerisation, rn, abalone, protein, metro, hepc or glyphs.")
    String name;

    @Option(names = "--seed", converter = Ranges.Seed.class, paramLabel = "S",
            description = "Seed of the synthetic initial states (default: the experiment's, "
                    + ExperimentDataset.SYNTHETIC_SEED + ").")
    Long seed;

    @CommandLine.Mixin
    DatasetOptions data;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.csv", description = "CSV file to write.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (name.equals("glyphs")) {
            return glyphs();
        }
        data.require(name);
        ExperimentPlan plan = new ExperimentPlan(List.of(name), 1, ExperimentPlan.DEFAULT_ARCHITECTURES, 1e-3, 64,
                1, 0, ExperimentPlan.DEFAULT_LEVELS, List.of(), 2, data.rows, data.dataDir);
        ExperimentDataset d;
        try {
            d = seed == null ? ExperimentDataset.load(name, plan) : ExperimentDataset.load(name, plan, seed);
        } catch (java.io.IOException e) {
            throw new Main.UsageException(e.getMessage());
        }
        Dataset table = d.data();
        List<String> header = new ArrayList<>(table.featureNames());
        header.addAll(table.targetNames());
        List<List<?>> cells = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            List<Object> row = new ArrayList<>();
            for (double v : table.inputRow(r)) {
                row.add(v);
            }
            for (double v : table.targetRow(r)) {
                row.add(v);
            }
            cells.add(row);
        }
        AtomicFiles.writeString(output, CsvTables.table(header, cells));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %s: %d rows, %d features, target %s%n  source: %s%n", output, table.rows(),
                table.features(), String.join(",", table.targetNames()), d.source());
        out.flush();
        CliOutput.of(spec).result("dataset", CliOutput.fields("name", name, "file", output.toString(),
                "rows", table.rows(), "features", table.features(), "targets", table.targetNames(), "source", d.source()));
        return Main.EXIT_OK;
    }

    /** The generated classification set of {@link GlyphDataset}: pixel columns, then the label text. */
    private int glyphs() throws java.io.IOException {
        long s = seed == null ? 1 : seed;
        Dataset table = GlyphDataset.generate(data.rows, s);
        List<String> header = new ArrayList<>(table.featureNames());
        header.add("label");
        List<List<?>> cells = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            List<Object> row = new ArrayList<>();
            for (double v : table.inputRow(r)) {
                row.add(String.format(Locale.ROOT, "%.4f", v));
            }
            row.add(GlyphDataset.CLASSES.get(Softmax.argmax(table.targetRow(r))));
            cells.add(row);
        }
        AtomicFiles.writeString(output, CsvTables.table(header, cells));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "wrote %s: %d rows, %d pixel features, class label column 'label' (%s); seed %d%n",
                output, table.rows(), table.features(), String.join(", ", GlyphDataset.CLASSES), s);
        out.flush();
        CliOutput.of(spec).result("dataset", CliOutput.fields("name", name, "file", output.toString(),
                "rows", table.rows(), "features", table.features(), "classes", GlyphDataset.CLASSES, "seed", s));
        return Main.EXIT_OK;
    }
}
