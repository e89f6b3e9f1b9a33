package org.odelump.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.odelump.io.AtomicFiles;
import org.odelump.nn.Mlp;
import org.odelump.nn.compress.NetworkEncoder;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code odelump encode NET}: writes a network as a polynomial ODE in the DSL ({@link NetworkEncoder}). */
@CommandLine.Command(name = "encode", mixinStandardHelpOptions = true,
        description = {
            "Writes a feed-forward network (.json or .onnx) as a polynomial ODE in odelump's DSL.",
            "Inputs are constant variables, the outputs y1..ym are read at t = 1.",
            "ray: one ray t*[x; 1] through the whole network (hidden initial values 0 for tanh);",
            "  layer l's drift has degree 2l+1 and the term count grows with the product of the widths.",
            "layerwise: one ray per layer; the previous layer enters through constant copies a<l>_j",
            "  (initial values: the network's activations at the inputs), linearly: the encoding",
            "  on which forward equivalence (AFDE) merges neurons.",
            "ReLU layers become softplus_beta with dual-rail gates; the header states the error bound.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump encode net.json -o net.ode                    ray encoding, inputs 0",
            "  odelump encode net.onnx --encoding layerwise -o net.ode",
            "  odelump encode net.json --input 0.5,-1,2 -o net.ode   inputs as initial values",
            "  odelump simulate net.ode --t-end 1                   y1..ym at t = 1 are the outputs",
            "",
            "Exit codes: 0 ok, 2 invalid input or usage.",
        })
final class EncodeCommand implements Callable<Integer> {

    /** Encodings by their CLI spelling. */
    enum EncodingOption {
        ray(NetworkEncoder.Encoding.RAY), layerwise(NetworkEncoder.Encoding.LAYERWISE);

        final NetworkEncoder.Encoding encoding;

        EncodingOption(NetworkEncoder.Encoding e) {
            this.encoding = e;
        }
    }

    @Parameters(index = "0", paramLabel = "NET", description = "The network: .json (odelump format) or .onnx.")
    Path network;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.ode",
            description = "Write to this file (atomically) instead of standard output.")
    Path output;

    @Option(names = "--encoding", paramLabel = "ray|layerwise", defaultValue = "ray",
            description = "Which encoding (default: ${DEFAULT-VALUE}).")
    EncodingOption encoding;

    @Option(names = "--input", converter = Ranges.Finite.class, paramLabel = "X1,X2,...", split = ",",
            description = "Input values, one per network input (default: all 0).")
    List<Double> input;

    @Option(names = "--beta", converter = Ranges.Positive.class, paramLabel = "B",
            defaultValue = "" + NetworkEncoder.DEFAULT_BETA,
            description = "Softplus sharpness for ReLU layers (default: ${DEFAULT-VALUE}); error vs ReLU <= O(1/B).")
    double beta;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NetworkFile file = NetworkFiles.read(network);
        Mlp mlp = file.mlp();
        double[] x = null;
        if (input != null) {
            if (input.size() != mlp.inputs()) {
                throw new Main.UsageException("--input has " + input.size() + " values, the network has "
                        + mlp.inputs() + " inputs");
            }
            x = input.stream().mapToDouble(Double::doubleValue).toArray();
        }
        NetworkEncoder.Encoded e;
        try {
            e = new NetworkEncoder(mlp, encoding.encoding, inputNames(file), x, beta).compute();
        } catch (IllegalArgumentException tooLarge) {
            throw new Main.UsageException(network + ": " + tooLarge.getMessage());
        }
        CliOutput.of(spec).result("encoding", CliOutput.fields("encoding", encoding.toString(), "network",
                mlp.toString(), "variables", e.system().dimension(), "terms", e.system().termCount(), "maxDegree",
                e.system().maxDegree(), "outputs", e.naming().outputs(), "file",
                output == null ? null : output.toString()));
        if (output == null) {
            CliOutput.of(spec).document().print(e.text());
        } else {
            AtomicFiles.writeString(output, e.text());
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %s encoding of %s, %d variables, %d terms"
                            + ", maximum degree %d; outputs %s at t = 1%n", output, encoding, mlp,
                    e.system().dimension(), e.system().termCount(), e.system().maxDegree(),
                    String.join(", ", e.naming().outputs()));
        }
        return Main.EXIT_OK;
    }

    /** The file's input names when they are usable DSL identifiers, else null (x1..xn). */
    private static List<String> inputNames(NetworkFile file) {
        List<String> names = new ArrayList<>(file.inputNames());
        if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
            return null;
        }
        for (String n : names) {
            if (!NetworkEncoder.isUsableInputName(n)) {
                return null;
            }
        }
        return names;
    }
}
