package org.odelump.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.io.DelimitedText;
import org.odelump.io.TableFormatException;
import org.odelump.nn.Softmax;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code odelump predict NET --data X.csv}: the network's outputs for every row of a CSV table. */
@CommandLine.Command(name = "predict", mixinStandardHelpOptions = true,
        description = {
            "Applies a network (.json or .onnx) to every row of a CSV table with a header line and writes its",
            "outputs as CSV, one row per input row, in data units (the file's standardisations are applied).",
            "The input columns are found by name: the network's input names (x1..xn when it names none, or",
            "--inputs); other columns are ignored. Output columns are named by the network's outputs (y1..ym",
            "when it names none). Numbers are written in Java's shortest round-trip form.",
            "A classifier (a file with task classification) writes the predicted class label (largest logit)",
            "  in column 'label', then the softmax probability of each class in columns 'p(CLASS)'.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump predict models/demo_tanh_2x16.json --data models/demo_tanh_2x16.test.csv -o pred.csv",
            "  odelump predict out/compressed.onnx --data test.csv -o pred.csv",
            "  odelump predict mlp_from_pytorch.onnx --data x.csv --inputs a,b,c     a file without names",
            "",
            "Exit codes: 0 ok, 2 invalid input or usage (a missing column, a cell that is not a number).",
        })
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NET", description = "The network: .json (odelump format) or .onnx.")
    Path network;

    @Option(names = "--data", required = true, paramLabel = "X.csv",
            description = "Comma-separated table with a header line holding the network's input columns.")
    Path data;

    @Option(names = "--inputs", paramLabel = "COL", split = ",",
            description = "The columns to feed, in the network's input order (default: the network's input names).")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "Y.csv",
            description = "Write to this file (atomically) instead of standard output.")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NetworkFile file = NetworkFiles.read(network);
        List<String> columns = inputs != null ? inputs : file.inputColumns();
        if (columns.size() != file.mlp().inputs()) {
            throw new Main.UsageException("--inputs names " + columns.size() + " columns, the network has "
                    + file.mlp().inputs() + " inputs");
        }
        String text = Files.readString(data, StandardCharsets.UTF_8);
        List<List<?>> rows = new ArrayList<>();
        try {
            DelimitedText table = DelimitedText.parse(text, data.toString(), ',', true);
            int[] index = new int[columns.size()];
            for (int i = 0; i < index.length; i++) {
                index[i] = table.header().indexOf(columns.get(i));
                if (index[i] < 0) {
                    throw new Main.UsageException(data + ": no column '" + columns.get(i) + "', which the network "
                            + "needs as input " + (i + 1) + " (its inputs: " + String.join(", ", columns)
                            + (inputs == null && file.inputNames().isEmpty() ? "; the network names none, so give "
                            + "the columns with --inputs" : "") + "; the file's columns: "
                            + String.join(", ", table.header()) + ")");
                }
            }
            for (DelimitedText.Row row : table.rows()) {
                double[] x = new double[index.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = table.number(row, index[i]);
                }
                double[] z = file.predict(x);
                List<Object> y = new ArrayList<>();
                if (file.isClassifier()) {
                    y.add(file.classes().get(Softmax.argmax(z)));
                    z = Softmax.probabilities(z);
                }
                for (double v : z) {
                    y.add(v);
                }
                rows.add(y);
            }
        } catch (TableFormatException e) {
            throw new Main.UsageException(e.getMessage());
        }
        List<String> header = file.outputColumns();
        if (file.isClassifier()) {
            header = new ArrayList<>(List.of("label"));
            for (String c : file.classes()) {
                header.add("p(" + c + ")");
            }
        }
        String csv = CsvTables.table(header, rows);
        CliOutput.of(spec).result("prediction", CliOutput.fields("columns", header, "rows", rows,
                "file", output == null ? null : output.toString()));
        if (output == null) {
            CliOutput.of(spec).document().print(csv);
        } else {
            AtomicFiles.writeString(output, csv);
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d rows of %s from %s and %s%n", output,
                    rows.size(), String.join(", ", header), network, data);
        }
        return Main.EXIT_OK;
    }
}
