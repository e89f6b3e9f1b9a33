package org.odelump.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.odelump.nn.io.OnnxGraphs.in;
import static org.odelump.nn.io.OnnxGraphs.intAttr;
import static org.odelump.nn.io.OnnxGraphs.node;
import static org.odelump.nn.io.OnnxGraphs.rawFloat;
import static org.odelump.nn.io.OnnxGraphs.shape;
import static org.odelump.nn.io.OnnxGraphs.valueInfo;
import static org.odelump.nn.io.OnnxNetworkTest.B0;
import static org.odelump.nn.io.OnnxNetworkTest.B1;
import static org.odelump.nn.io.OnnxNetworkTest.W0;
import static org.odelump.nn.io.OnnxNetworkTest.W1;
import static org.odelump.nn.io.OnnxNetworkTest.flat;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.InvalidModelException;
import org.odelump.testutil.OnnxRuntimeCheck;

/** Graphs the ONNX reader must reject, each with the exact message naming the node. */
class OnnxMalformedTest {

    /** x[3] -> fc0 (Gemm transB=1) -> t0 (Tanh) -> fc1 (Gemm transB=1) -> y[2]; the base every case edits. */
    static GraphProto.Builder good() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("x", 3)).addOutput(valueInfo("y", 2));
        g.addInitializer(rawFloat("w0", shape(4, 3), flat(W0))).addInitializer(rawFloat("b0", shape(4), B0))
                .addInitializer(rawFloat("w1", shape(2, 4), flat(W1))).addInitializer(rawFloat("b1", shape(2), B1));
        g.addNode(node("fc0", "Gemm", in("x", "w0", "b0"), "h", intAttr("transB", 1)));
        g.addNode(node("t0", "Tanh", in("h"), "a"));
        g.addNode(node("fc1", "Gemm", in("a", "w1", "b1"), "y", intAttr("transB", 1)));
        return g;
    }

    static GraphProto.Builder edit(Consumer<GraphProto.Builder> change) {
        GraphProto.Builder g = good();
        change.accept(g);
        return g;
    }

    static Arguments bad(String what, GraphProto.Builder g, Kind kind, String message) {
        return Arguments.of(what, g, kind, message);
    }

    static Stream<Arguments> badGraphs() {
        return Stream.of(
                bad("Conv", edit(g -> g.setNode(1, node("conv1", "Conv", in("h", "w0"), "a"))), Kind.UNSUPPORTED,
                        "m.onnx: node 'conv1' (Conv): operator Conv is not supported; a network must be a chain of "
                                + "Gemm or MatMul(+Add) nodes, each optionally followed by Tanh, Sigmoid or Relu (with Sub/Div/Mul/Add by constants, Flatten, Reshape, "
                                + "Identity and Dropout around them)"),
                bad("unnamed Softmax", edit(g -> g.addNode(node("", "Softmax", in("y"), "p"))
                        .setOutput(0, valueInfo("p", 2))), Kind.UNSUPPORTED,
                        "m.onnx: node #3 (Softmax): operator Softmax is not supported; a network must be a chain of "
                                + "Gemm or MatMul(+Add) nodes, each optionally followed by Tanh, Sigmoid or Relu (with Sub/Div/Mul/Add by constants, Flatten, Reshape, "
                                + "Identity and Dropout around them)"),
                bad("branch", edit(g -> g.addNode(node("side", "Relu", in("h"), "s"))), Kind.UNSUPPORTED,
                        "m.onnx: node 't0' (Tanh): tensor 'h' also feeds node 'side' (Relu); only a chain of layers "
                                + "is supported, not a branching graph"),
                bad("transA", edit(g -> g.setNode(0, node("fc0", "Gemm", in("x", "w0", "b0"), "h",
                        intAttr("transB", 1), intAttr("transA", 1)))), Kind.UNSUPPORTED,
                        "m.onnx: node 'fc0' (Gemm): transA = 1 is not supported (the batch must be the first "
                                + "dimension of A)"),
                bad("weight not constant", edit(g -> g.setNode(2, node("fc1", "Gemm", in("a", "h", "b1"), "y",
                        intAttr("transB", 1)))), Kind.UNSUPPORTED,
                        "m.onnx: node 't0' (Tanh): tensor 'h' also feeds node 'fc1' (Gemm); only a chain of layers "
                                + "is supported, not a branching graph"),
                bad("weight from nowhere", edit(g -> g.setNode(2, node("fc1", "Gemm", in("a", "w9", "b1"), "y",
                        intAttr("transB", 1)))), Kind.UNSUPPORTED,
                        "m.onnx: node 'fc1' (Gemm): input B 'w9' is not an initializer or Constant; only layers with "
                                + "constant weights are supported"),
                bad("layer widths", edit(g -> g.setInitializer(2, rawFloat("w1", shape(2, 5), new double[10]))),
                        Kind.SEMANTIC,
                        "m.onnx: node 'fc1' (Gemm): weight 'w1' takes 5 inputs but the previous layer has 4 outputs"),
                bad("bias shape", edit(g -> g.setInitializer(1, rawFloat("b0", shape(3), 1, 2, 3))), Kind.SEMANTIC,
                        "m.onnx: node 'fc0' (Gemm): bias 'b0' has shape [3] but the layer has 4 outputs"),
                bad("weight rank", edit(g -> g.setInitializer(0, rawFloat("w0", shape(12), flat(W0)))),
                        Kind.SEMANTIC, "m.onnx: node 'fc0' (Gemm): weight 'w0' has shape [12], expected 2 dimensions"),
                bad("two activations", edit(g -> g.setNode(1, node("t0", "Tanh", in("h"), "a0"))
                        .addNode(1, node("r0", "Relu", in("a0"), "a"))), Kind.UNSUPPORTED,
                        "m.onnx: node 'r0' (Relu): an activation must directly follow a Gemm or MatMul(+Add); here "
                                + "it follows another activation"),
                bad("input normalisation of the wrong width", edit(g -> g.setNode(0, node("fc0", "Gemm",
                        in("x0", "w0", "b0"), "h", intAttr("transB", 1))).addNode(0, node("shift", "Add",
                        in("x", "b0"), "x0"))), Kind.SEMANTIC,
                        "m.onnx: node 'shift' (Add): constant 'b0' of shape [4] does not broadcast to the input's "
                                + "features [3]"),
                bad("constant divided by the input", edit(g -> g.setNode(0, node("fc0", "Gemm",
                        in("x0", "w0", "b0"), "h", intAttr("transB", 1))).addNode(0, node("inv", "Div",
                        in("b0", "x"), "x0"))), Kind.UNSUPPORTED,
                        "m.onnx: node 'inv' (Div): divides a constant by the network's values; only division by a "
                                + "constant is supported"),
                bad("multiplied by zero", edit(g -> g.addInitializer(rawFloat("zero", shape(1), 0))
                        .setNode(0, node("fc0", "Gemm", in("x0", "w0", "b0"), "h", intAttr("transB", 1)))
                        .addNode(0, node("kill", "Mul", in("x", "zero"), "x0"))), Kind.UNSUPPORTED,
                        "m.onnx: node 'kill' (Mul): multiplies by zero in 'zero'"),
                bad("negative scale after an activation at the output", edit(g -> g
                        .addInitializer(rawFloat("minus", shape(1), -2))
                        .setNode(2, node("fc1", "Gemm", in("a", "w1", "b1"), "o", intAttr("transB", 1)))
                        .addNode(node("s", "Sigmoid", in("o"), "p")).addNode(node("flip", "Mul", in("p", "minus"),
                                "y"))), Kind.UNSUPPORTED,
                        "m.onnx: node 'flip' (Mul): scales an output by a non-positive factor after the activation; "
                                + "only positive scales (a target standardisation) are supported there"),
                bad("Flatten inside", edit(g -> g.setNode(1, node("flat", "Flatten", in("h"), "a"))),
                        Kind.UNSUPPORTED,
                        "m.onnx: node 'flat' (Flatten): Flatten is only supported at the input, before the first layer"),
                bad("dangling node", edit(g -> g.addNode(node("lost", "Relu", in("b1"), "q"))), Kind.UNSUPPORTED,
                        "m.onnx: node 'lost' (Relu): not on the chain from input 'x' to output 'y'"),
                bad("wrong output", edit(g -> g.setOutput(0, valueInfo("z", 2))), Kind.UNSUPPORTED,
                        "m.onnx: the chain from input 'x' ends at tensor 'y' (output of node 'fc1' (Gemm)), which is "
                                + "not the graph output 'z'"),
                bad("two inputs", edit(g -> g.addInput(valueInfo("x2", 3))), Kind.UNSUPPORTED,
                        "m.onnx: the graph has 2 inputs ['x', 'x2'] besides its initializers; a network must have "
                                + "exactly one"),
                bad("INT32 weights", edit(g -> g.setInitializer(0, TensorProto.newBuilder().setName("w0")
                        .setDataType(TensorProto.DataType.INT32_VALUE).addDims(4).addDims(3)
                        .addAllInt32Data(java.util.Collections.nCopies(12, 1)).build())), Kind.UNSUPPORTED,
                        "m.onnx: node 'fc0' (Gemm): tensor 'w0' has element type INT32; only FLOAT and DOUBLE are "
                                + "supported"),
                bad("short raw_data", edit(g -> g.setInitializer(0, rawFloat("w0", shape(4, 3), 1, 2, 3))),
                        Kind.UNSUPPORTED, "m.onnx: node 'fc0' (Gemm): tensor 'w0' has 12 bytes of raw_data, expected "
                                + "48 for shape [4, 3]"),
                bad("input width", edit(g -> g.setInput(0, valueInfo("x", 5))), Kind.SEMANTIC,
                        "m.onnx: graph input 'x' has width 5 but the network has 3 inputs"),
                bad("custom domain", edit(g -> g.setNode(1, g.getNode(1).toBuilder().setDomain("com.microsoft")
                        .setOpType("FastGelu").build())), Kind.UNSUPPORTED,
                        "m.onnx: node 't0' (FastGelu): operator of domain 'com.microsoft' is not supported"),
                bad("no layer", GraphProto.newBuilder().addInput(valueInfo("x", 3)).addOutput(valueInfo("y", 3))
                        .addNode(node("id", "Identity", in("x"), "y")), Kind.UNSUPPORTED,
                        "m.onnx: the graph has no Gemm or MatMul node, so no dense layer"),
                bad("INT64 input", edit(g -> g.setInput(0, g.getInput(0).toBuilder().setType(g.getInput(0).getType()
                        .toBuilder().setTensorType(g.getInput(0).getType().getTensorType().toBuilder()
                                .setElemType(TensorProto.DataType.INT64_VALUE))).build())), Kind.UNSUPPORTED,
                        "m.onnx: graph input 'x' has element type INT64; only FLOAT and DOUBLE are supported"),
                bad("external data without a folder", edit(g -> g.setInitializer(0, external("w0", "w.bin"))),
                        Kind.IO, "m.onnx: node 'fc0' (Gemm): tensor 'w0' is stored in external file 'w.bin', but "
                                + "the model was not read from a file, so there is no folder to find it in"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGraphs")
    void badGraphsAreRejectedNamingTheNode(String what, GraphProto.Builder g, Kind kind, String message) {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> OnnxNetworkReader.read(OnnxGraphs.model(g).toByteArray(), "m.onnx", null));
        assertThat(e).as(what).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.first().kind()).isEqualTo(kind);
    }

    @Test
    void theBaseGraphOfTheTableIsValid() {
        assertThat(OnnxNetworkReader.read(OnnxGraphs.model(good()), "m.onnx", null).mlp())
                .isEqualTo(OnnxNetworkTest.EXPECTED);
    }

    @Test
    void bytesThatAreNoModelAreASyntaxError() {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> OnnxNetworkReader.read("{\"format\": 1}".getBytes(), "j.onnx", null));
        assertThat(e.first().kind()).isEqualTo(Diagnostic.Kind.SYNTAX);
        assertThat(e.getMessage()).startsWith("j.onnx: not an ONNX model: ");
    }

    static TensorProto external(String name, String location, long offset) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(4)
                .addDims(3).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(Long.toString(offset)))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue("48")).build();
    }

    static TensorProto external(String name, String location) {
        return external(name, location, 0);
    }

    @Test
    void externalDataIsReadRelativeToTheModel(@TempDir Path dir) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + 48).order(ByteOrder.LITTLE_ENDIAN);
        b.position(16);
        for (double w : flat(W0)) {
            b.putFloat((float) w);
        }
        Files.createDirectories(dir.resolve("weights"));
        Files.write(dir.resolve("weights/fc0.bin"), b.array());
        GraphProto.Builder g = edit(x -> x.setInitializer(0, external("w0", "weights/fc0.bin", 16)));
        Path model = dir.resolve("net.onnx");
        Files.write(model, OnnxGraphs.model(g).toByteArray());
        assertThat(NetworkFiles.read(model).mlp()).isEqualTo(OnnxNetworkTest.EXPECTED);
        OnnxRuntimeCheck.assertRunsAs(model, NetworkFile.of(OnnxNetworkTest.EXPECTED));

        GraphProto.Builder escaping = edit(x -> x.setInitializer(0, external("w0", "../fc0.bin", 16)));
        Files.write(model, OnnxGraphs.model(escaping).toByteArray());
        InvalidModelException outside = catchThrowableOfType(InvalidModelException.class,
                () -> NetworkFiles.read(model));
        assertThat(outside.getMessage()).isEqualTo(model + ": node 'fc0' (Gemm): tensor 'w0' names external file "
                + "'../fc0.bin' outside the model's folder; external data must be stored next to the model");

        Files.write(model, OnnxGraphs.model(g).toByteArray());
        Files.delete(dir.resolve("weights/fc0.bin"));
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class, () -> NetworkFiles.read(model));
        assertThat(e.first().kind()).isEqualTo(Kind.IO);
        assertThat(e.getMessage()).isEqualTo(model + ": node 'fc0' (Gemm): tensor 'w0' is stored in external file "
                + "'weights/fc0.bin', which does not exist (looked for " + dir.resolve("weights/fc0.bin")
                + "); keep the data file next to the model");
    }
}
