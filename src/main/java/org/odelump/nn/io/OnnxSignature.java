package org.odelump.nn.io;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;
import java.util.Objects;

/**
 * The interface of an ONNX graph that a network was read from, kept so that the network written back (e.g. after
 * compression) plugs into the same code: the graph input's name and shape (e.g. {@code [N, 1, 28, 28]}, which the
 * writer flattens with a Flatten node), the graph output's name and shape, and the default-domain opset.
 * Immutable. {@link #standard} is what odelump writes when it has no signature to keep.
 *
 * @param inputName   the graph input's name
 * @param inputShape  its dimensions, the first being the batch; at least two
 * @param outputName  the graph output's name
 * @param outputShape its dimensions, the first being the batch
 * @param opset       the default-domain opset version
 */
public record OnnxSignature(String inputName, List<Dim> inputShape, String outputName, List<Dim> outputShape,
        long opset) {

    /** The symbolic batch dimension odelump writes. */
    public static final Dim BATCH = Dim.symbolic("N");

    /**
     * One dimension: a fixed size ({@code value} &ge; 0, {@code param} empty) or a symbolic one ({@code value} -1,
     * {@code param} its name, which may be empty when the exporter gave none).
     */
    public record Dim(long value, String param) {
        public Dim {
            Objects.requireNonNull(param, "param");
            if (value < -1 || (value >= 0 && !param.isEmpty())) {
                throw new IllegalArgumentException("a dimension is either a size >= 0 or a symbolic name");
            }
        }

        public static Dim fixed(long value) {
            return new Dim(value, "");
        }

        public static Dim symbolic(String name) {
            return new Dim(-1, name);
        }

        public boolean isFixed() {
            return value >= 0;
        }

        @Override
        public String toString() {
            return isFixed() ? Long.toString(value) : param.isEmpty() ? "?" : param;
        }
    }

    public OnnxSignature {
        Objects.requireNonNull(inputName, "inputName");
        Objects.requireNonNull(outputName, "outputName");
        inputShape = List.copyOf(inputShape);
        outputShape = List.copyOf(outputShape);
        if (inputName.isEmpty() || outputName.isEmpty()) {
            throw new IllegalArgumentException("graph input and output need names");
        }
        if (inputShape.size() < 2 || outputShape.size() != 2) {
            throw new IllegalArgumentException("the input needs a batch and at least one feature dimension, the "
                    + "output is [batch, outputs]; got " + inputShape + " and " + outputShape);
        }
        if (opset < 1) {
            throw new IllegalArgumentException("opset must be >= 1, got " + opset);
        }
    }

    /** What odelump writes: {@code input} [N, inputs], {@code output} [N, outputs], opset 13. */
    public static OnnxSignature standard(int inputs, int outputs) {
        return new OnnxSignature("input", List.of(BATCH, Dim.fixed(inputs)), "output",
                List.of(BATCH, Dim.fixed(outputs)), OnnxNetworkWriter.OPSET);
    }

    /** True when the input has more than one feature dimension, so the graph starts with a Flatten. */
    public boolean flattensInput() {
        return inputShape.size() > 2;
    }

    /** The number of input features (product of the non-batch dimensions), or -1 when one is symbolic. */
    public long inputWidth() {
        long w = 1;
        for (Dim d : inputShape.subList(1, inputShape.size())) {
            if (!d.isFixed()) {
                return -1;
            }
            w *= d.value();
        }
        return w;
    }

    /** The same signature for a network of other widths: fixed feature dimensions that no longer fit are reset. */
    OnnxSignature fitting(int inputs, int outputs) {
        List<Dim> in = inputShape;
        long w = inputWidth();
        if (w >= 0 && w != inputs) {
            in = List.of(inputShape.get(0), Dim.fixed(inputs));
        }
        List<Dim> out = outputShape;
        if (out.get(1).isFixed() && out.get(1).value() != outputs) {
            out = List.of(outputShape.get(0), Dim.fixed(outputs));
        }
        return new OnnxSignature(inputName, in, outputName, out, opset);
    }

    /**
     * The interface of a graph: its input and output (shapes missing or of unexpected rank become [batch, width]),
     * and the default-domain opset of {@code model}.
     */
    static OnnxSignature of(ValueInfoProto input, ValueInfoProto output, int inputs, int outputs, ModelProto model) {
        List<Dim> in = dims(input);
        if (in.size() < 2) {
            in = List.of(BATCH, Dim.fixed(inputs));
        }
        List<Dim> out = dims(output);
        if (out.size() != 2) {
            out = List.of(in.get(0), Dim.fixed(outputs));
        }
        long opset = model.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(o -> o.getVersion()).findFirst().orElse(OnnxNetworkWriter.OPSET);
        return new OnnxSignature(input.getName(), in, output.getName(), out, Math.max(opset, 1));
    }

    private static List<Dim> dims(ValueInfoProto v) {
        if (!v.hasType() || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            return List.of();
        }
        List<Dim> d = new java.util.ArrayList<>();
        for (TensorShapeProto.Dimension x : v.getType().getTensorType().getShape().getDimList()) {
            d.add(x.hasDimValue() ? Dim.fixed(x.getDimValue()) : Dim.symbolic(
                    x.getDimParam()));
        }
        return d;
    }
}
