package org.odelump.nn.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.ColumnScaling;

/**
 * A network as stored in a file: the {@link Mlp} and what travels with it. Immutable.
 *
 * @param mlp                   the network
 * @param inputNames            one name per input column, or empty when the file names none
 * @param outputNames           one name per output, or empty
 * @param inputStandardisation  applied to raw inputs before the network, or null
 * @param targetStandardisation the network's outputs are standardised targets, or null
 * @param provenance            who wrote the file, when, from what
 * @param onnx                  the interface of the ONNX graph the network was read from (input and output names
 *                              and shapes, opset), which an ONNX file written from it keeps; null for
 *                              {@link OnnxSignature#standard odelump's own}
 * @param classes               for a classifier, the class labels of the outputs in order (the outputs are then
 *                              logits, see {@link org.odelump.nn.Softmax}); empty for a regression network
 */
public record NetworkFile(Mlp mlp, List<String> inputNames, List<String> outputNames,
        ColumnScaling inputStandardisation, ColumnScaling targetStandardisation, NetworkProvenance provenance,
        OnnxSignature onnx, List<String> classes) {

    public NetworkFile {
        Objects.requireNonNull(mlp, "mlp");
        inputNames = List.copyOf(inputNames);
        outputNames = List.copyOf(outputNames);
        Objects.requireNonNull(provenance, "provenance");
        if (!inputNames.isEmpty() && inputNames.size() != mlp.inputs()) {
            throw new IllegalArgumentException(inputNames.size() + " input names for " + mlp.inputs() + " inputs");
        }
        if (!outputNames.isEmpty() && outputNames.size() != mlp.outputs()) {
            throw new IllegalArgumentException(outputNames.size() + " output names for " + mlp.outputs()
                    + " outputs");
        }
        if (inputStandardisation != null && inputStandardisation.size() != mlp.inputs()) {
            throw new IllegalArgumentException("input standardisation has " + inputStandardisation.size()
                    + " columns for " + mlp.inputs() + " inputs");
        }
        if (targetStandardisation != null && targetStandardisation.size() != mlp.outputs()) {
            throw new IllegalArgumentException("target standardisation has " + targetStandardisation.size()
                    + " columns for " + mlp.outputs() + " outputs");
        }
        if (onnx != null && onnx.inputWidth() >= 0 && onnx.inputWidth() != mlp.inputs()) {
            throw new IllegalArgumentException("the ONNX input " + onnx.inputShape() + " has " + onnx.inputWidth()
                    + " features for " + mlp.inputs() + " inputs");
        }
        classes = List.copyOf(classes);
        if (!classes.isEmpty()) {
            if (classes.size() != mlp.outputs() || classes.size() < 2) {
                throw new IllegalArgumentException(classes.size() + " class labels for " + mlp.outputs()
                        + " outputs; a classifier has one logit per class and at least two classes");
            }
            if (new java.util.HashSet<>(classes).size() != classes.size()) {
                throw new IllegalArgumentException("class labels repeat: " + classes);
            }
            if (targetStandardisation != null) {
                throw new IllegalArgumentException("a classifier's outputs are logits; it has no target "
                        + "standardisation");
            }
            if (mlp.layer(mlp.layers().size() - 1).activation() != org.odelump.nn.Activation.IDENTITY) {
                throw new IllegalArgumentException("a classifier's output layer must be IDENTITY (logits)");
            }
        }
    }

    /** A regression network file (no class labels). */
    public NetworkFile(Mlp mlp, List<String> inputNames, List<String> outputNames,
            ColumnScaling inputStandardisation, ColumnScaling targetStandardisation, NetworkProvenance provenance,
            OnnxSignature onnx) {
        this(mlp, inputNames, outputNames, inputStandardisation, targetStandardisation, provenance, onnx,
                List.of());
    }

    /** A network file without an ONNX signature. */
    public NetworkFile(Mlp mlp, List<String> inputNames, List<String> outputNames,
            ColumnScaling inputStandardisation, ColumnScaling targetStandardisation, NetworkProvenance provenance) {
        this(mlp, inputNames, outputNames, inputStandardisation, targetStandardisation, provenance, null);
    }

    /** A bare network: no names, no standardisation, unknown provenance. */
    public static NetworkFile of(Mlp mlp) {
        return new NetworkFile(mlp, List.of(), List.of(), null, null, NetworkProvenance.unknown());
    }

    public Optional<ColumnScaling> inputStandardisationIfAny() {
        return Optional.ofNullable(inputStandardisation);
    }

    public Optional<ColumnScaling> targetStandardisationIfAny() {
        return Optional.ofNullable(targetStandardisation);
    }

    /** The same metadata around another network of the same input and output widths (e.g. a compressed one). */
    public NetworkFile withMlp(Mlp other) {
        return new NetworkFile(other, inputNames, outputNames, inputStandardisation, targetStandardisation,
                provenance, onnx, classes);
    }

    /** The same file with other provenance. */
    public NetworkFile withProvenance(NetworkProvenance p) {
        return new NetworkFile(mlp, inputNames, outputNames, inputStandardisation, targetStandardisation, p, onnx,
                classes);
    }

    /** The same file with another ONNX signature (null: odelump's standard one). */
    public NetworkFile withOnnx(OnnxSignature signature) {
        return new NetworkFile(mlp, inputNames, outputNames, inputStandardisation, targetStandardisation, provenance,
                signature, classes);
    }

    /** The same file as a classifier with these class labels (one per output), or as regression when empty. */
    public NetworkFile withClasses(List<String> labels) {
        return new NetworkFile(mlp, inputNames, outputNames, inputStandardisation, targetStandardisation, provenance,
                onnx, labels);
    }

    /** True when the outputs are the logits of {@link #classes()}. */
    public boolean isClassifier() {
        return !classes.isEmpty();
    }

    /** The names of the input columns: the file's names, or {@code x1..xn} when it names none. */
    public List<String> inputColumns() {
        return inputNames.isEmpty() ? numbered("x", mlp.inputs()) : inputNames;
    }

    /** The names of the outputs: the file's names, or {@code y1..ym}. */
    public List<String> outputColumns() {
        return outputNames.isEmpty() ? numbered("y", mlp.outputs()) : outputNames;
    }

    private static List<String> numbered(String prefix, int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    /**
     * The prediction in the units of the data: standardises x if an input standardisation is present, applies the
     * network, unstandardises if a target standardisation is present.
     */
    public double[] predict(double[] x) {
        double[] in = inputStandardisation == null ? x : inputStandardisation.standardise(x);
        double[] out = mlp.apply(in);
        return targetStandardisation == null ? out : targetStandardisation.unstandardise(out);
    }
}
