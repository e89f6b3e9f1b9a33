package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.nn.io.OnnxPrecision;
import org.odelump.nn.io.OnnxSignature;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code odelump convert NET -o OUT}: a network file in the other format (by extension), the same network. */
@CommandLine.Command(name = "convert", mixinStandardHelpOptions = true,
        description = {
            "Converts a network between odelump's JSON format (.json) and ONNX (.onnx); the formats are chosen by",
            "the file extensions. Names, standardisations and provenance travel along.",
            "ONNX out: the graph computes the prediction in data units (standardisations as Sub/Div and Mul/Add",
            "  nodes), keeps the input name and shape (e.g. [N, 1, 28, 28] with a Flatten node), the output name",
            "  and the opset of an ONNX file read in, and stores float32 weights unless --precision float64.",
            "ONNX in: Gemm, MatMul(+Add), Relu/Tanh/Sigmoid, Flatten, Reshape, Identity, Dropout and",
            "  Sub/Div/Mul/Add by constants are read, as PyTorch, scikit-learn (skl2onnx) and Keras (tf2onnx)",
            "  export MLPs; any other node is refused with its name and operator.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump convert models/demo_tanh_2x16.json -o demo.onnx          run it in ONNX Runtime",
            "  odelump convert mlp_from_pytorch.onnx -o mlp.json                 read it, edit it, compress it",
            "  odelump convert net.json -o net64.onnx --precision float64        exact doubles in ONNX",
            "",
            "Exit codes: 0 ok, 2 invalid input or usage (unknown extension, unsupported node).",
        })
final class ConvertCommand implements Callable<Integer> {

    /** ONNX element types by their CLI spelling. */
    enum PrecisionOption {
        float32(OnnxPrecision.FLOAT32), float64(OnnxPrecision.FLOAT64);

        final OnnxPrecision precision;

        PrecisionOption(OnnxPrecision p) {
            this.precision = p;
        }
    }

    @Parameters(index = "0", paramLabel = "NET", description = "The network: .json (odelump format) or .onnx.")
    Path network;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.onnx|OUT.json",
            description = "The file to write (atomically); its extension chooses the format.")
    Path output;

    @Option(names = "--precision", paramLabel = "float32|float64", defaultValue = "float32",
            description = "Element type of ONNX tensors (default: ${DEFAULT-VALUE}; float32 rounds each weight to "
                    + "the nearest float, a relative change of at most 6e-8).")
    PrecisionOption precision;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        NetworkFormat to = NetworkFiles.formatOf(output);
        NetworkFile file = NetworkFiles.read(network);
        PrintWriter out = spec.commandLine().getOut();
        NetworkFiles.write(output, file, to, precision.precision);
        OnnxSignature sig = file.onnx();
        if (to == NetworkFormat.JSON && sig != null) {
            spec.commandLine().getErr().printf(Locale.ROOT, "note: the JSON format does not keep the ONNX "
                    + "interface (input '%s' %s, output '%s', opset %d); converting back writes odelump's "
                    + "standard one%n", sig.inputName(), sig.inputShape(), sig.outputName(), sig.opset());
        }
        out.printf(Locale.ROOT, "wrote %s: %s, widths %s%s%s%s%n", output, to == NetworkFormat.ONNX
                        ? "ONNX (" + precision + ")" : "JSON", java.util.Arrays.toString(file.mlp().widths()),
                file.inputNames().isEmpty() ? "" : ", inputs " + String.join(", ", file.inputNames()),
                file.inputStandardisation() == null ? "" : ", input standardisation",
                file.targetStandardisation() == null ? "" : ", target standardisation");
        CliOutput.of(spec).result("conversion", CliOutput.fields("file", output.toString(), "format",
                to.name().toLowerCase(Locale.ROOT), "precision", to == NetworkFormat.ONNX ? precision.toString() : null,
                "widths", file.mlp().widths(), "inputs", file.inputNames(),
                "inputStandardisation", file.inputStandardisation() != null,
                "targetStandardisation", file.targetStandardisation() != null));
        return Main.EXIT_OK;
    }
}
