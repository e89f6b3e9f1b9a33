package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.testutil.OnnxRuntimeCheck;

/** {@code odelump convert} and {@code odelump predict} as a user runs them, including bad input (exit 2). */
class ConvertPredictCommandTest {

    static final String NET = "models/demo_tanh_2x16.json";
    static final String TEST = "models/demo_tanh_2x16.test.csv";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"convert", "predict"})
    void helpHasExamples(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: odelump " + command).contains("Examples:");
    }

    @Test
    void jsonToOnnxRunsInOnnxRuntimeAndComesBack() throws IOException {
        Path onnx = dir.resolve("demo.onnx");
        CliRun r = CliRun.of("convert", NET, "-o", onnx.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + onnx + ": ONNX (float32), widths [2, 16, 16, 1], inputs x0, x1\n");
        NetworkFile json = NetworkFiles.read(Path.of(NET));
        OnnxRuntimeCheck.assertRunsAs(onnx, json);

        Path back = dir.resolve("back.json");
        assertThat(CliRun.of("convert", onnx.toString(), "-o", back.toString()).code()).isZero();
        NetworkFile b = NetworkFiles.read(back);
        assertThat(b.inputNames()).isEqualTo(json.inputNames());
        assertThat(b.outputNames()).isEqualTo(json.outputNames());
        assertThat(b.provenance()).isEqualTo(json.provenance());
        assertThat(b.mlp()).isNotEqualTo(json.mlp()); // float32 rounded every weight

        Path exact = dir.resolve("exact.onnx");
        assertThat(CliRun.of("convert", NET, "-o", exact.toString(), "--precision", "float64").code()).isZero();
        OnnxRuntimeCheck.assertRunsAs(exact, json);
        Path exactBack = dir.resolve("exact.json");
        assertThat(CliRun.of("convert", exact.toString(), "-o", exactBack.toString()).code()).isZero();
        assertThat(NetworkFiles.read(exactBack)).isEqualTo(json);
        assertThat(Files.readString(exactBack)).isEqualTo(Files.readString(Path.of(NET)));
    }

    /** A PyTorch export of an MLP on 1x2x2 images: Flatten, Gemm, Tanh, Gemm; input 'pixels', output 'score'. */
    static byte[] torchImageNet(String hiddenOp) {
        GraphProto.Builder g = GraphProto.newBuilder().setName("main_graph");
        g.addInput(value("pixels", -1, 1, 2, 2)).addOutput(value("score", -1, 1));
        g.addInitializer(floats("fc1.weight", new long[] {3, 4}, 0.5, -0.25, 0.75, 0.1, -0.5, 0.3, 0.2, -0.1, 0.05,
                0.4, -0.6, 0.25));
        g.addInitializer(floats("fc1.bias", new long[] {3}, 0.1, -0.2, 0.3));
        g.addInitializer(floats("fc2.weight", new long[] {1, 3}, 1.5, -0.75, 0.5));
        g.addInitializer(floats("fc2.bias", new long[] {1}, 0.05));
        g.addNode(node("/Flatten", "Flatten", "/Flatten_output_0", "pixels"));
        g.addNode(node("/fc1/Gemm", "Gemm", "/fc1/Gemm_output_0", "/Flatten_output_0", "fc1.weight", "fc1.bias")
                .toBuilder().addAttribute(AttributeProto.newBuilder().setName("transB")
                        .setType(AttributeProto.AttributeType.INT).setI(1)).build());
        g.addNode(node("/act/" + hiddenOp, hiddenOp, "/act_output_0", "/fc1/Gemm_output_0"));
        g.addNode(node("/fc2/Gemm", "Gemm", "score", "/act_output_0", "fc2.weight", "fc2.bias").toBuilder()
                .addAttribute(AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT)
                        .setI(1)).build());
        return ModelProto.newBuilder().setIrVersion(7).setProducerName("pytorch").setProducerVersion("2.1.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(14)).setGraph(g).build().toByteArray();
    }

    static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) {
            s.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    static TensorProto floats(String name, long[] dims, double... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putFloat((float) x);
        }
        b.flip();
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    static NodeProto node(String name, String op, String output, String... inputs) {
        return NodeProto.newBuilder().setName(name).setOpType(op).addOutput(output).addAllInput(List.of(inputs))
                .build();
    }

    @Test
    void anOnnxInterfaceSurvivesOnnxToOnnxAndJsonSaysWhatItDrops() throws IOException {
        Path torch = dir.resolve("torch.onnx");
        Files.write(torch, torchImageNet("Tanh"));
        Path copy = dir.resolve("copy.onnx");
        CliRun r = CliRun.of("convert", torch.toString(), "-o", copy.toString());
        assertThat(r.code()).as(r.err()).isZero();
        NetworkFile read = NetworkFiles.read(torch);
        OnnxRuntimeCheck.assertRunsAs(torch, read);
        OnnxRuntimeCheck.assertRunsAs(copy, read);
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(copy));
        assertThat(m.getGraph().getInput(0)).isEqualTo(value("pixels", -1, 1, 2, 2));
        assertThat(m.getGraph().getOutput(0)).isEqualTo(value("score", -1, 1));
        assertThat(m.getOpsetImport(0).getVersion()).isEqualTo(14);

        Path json = dir.resolve("torch.json");
        CliRun toJson = CliRun.of("convert", torch.toString(), "-o", json.toString());
        assertThat(toJson.code()).isZero();
        assertThat(toJson.err()).isEqualTo("note: the JSON format does not keep the ONNX interface (input 'pixels' "
                + "[batch_size, 1, 2, 2], output 'score', opset 14); converting back writes odelump's standard one\n");
        assertThat(NetworkFiles.read(json).mlp()).isEqualTo(read.mlp());
    }

    /** What an ML user does: compress a PyTorch export and drop the result into the same inference code. */
    @Test
    void aCompressedPyTorchExportKeepsItsInterfaceAndRunsInOnnxRuntime() throws IOException {
        Path torch = dir.resolve("torch.onnx");
        Files.write(torch, torchImageNet("Tanh"));
        NetworkFile net = NetworkFiles.read(torch);
        StringBuilder csv = new StringBuilder("p0,p1,p2,p3,y\n");
        java.util.Random rnd = new java.util.Random(3);
        for (int r = 0; r < 120; r++) {
            double[] x = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            csv.append(x[0]).append(',').append(x[1]).append(',').append(x[2]).append(',').append(x[3]).append(',')
                    .append(net.predict(x)[0] + 0.01 * rnd.nextGaussian()).append('\n');
        }
        Path data = dir.resolve("pixels.csv");
        Files.writeString(data, csv);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("compress", torch.toString(), "--data", data.toString(), "--target", "y",
                "--method", "structured", "--ratio", "1.3", "--test-fraction", "0.25", "--seed", "1",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path compressed = out.resolve("compressed.onnx");
        NetworkFile small = NetworkFiles.read(compressed);
        assertThat(small.mlp().widths()).containsExactly(4, 2, 1);
        assertThat(small.onnx()).isEqualTo(net.onnx());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(compressed));
        assertThat(m.getGraph().getInput(0)).isEqualTo(value("pixels", -1, 1, 2, 2));
        assertThat(m.getGraph().getOutput(0)).isEqualTo(value("score", -1, 1));
        assertThat(m.getOpsetImport(0).getVersion()).isEqualTo(14);
        OnnxRuntimeCheck.assertRunsAs(compressed, small);
    }

    @Test
    void convertRefusesBadInputWithExit2AndWritesNothing() throws IOException {
        Path conv = dir.resolve("conv.onnx");
        Files.write(conv, torchImageNet("Softmax"));
        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("convert", conv.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(conv + ": node '/act/Softmax' (Softmax): operator Softmax is not supported");
        assertThat(out).doesNotExist();

        CliRun ext = CliRun.of("convert", NET, "-o", dir.resolve("net.txt").toString());
        assertThat(ext.code()).isEqualTo(2);
        assertThat(ext.err()).isEqualTo(dir.resolve("net.txt") + ": unknown network file extension; expected .json "
                + "or .onnx\n");
        CliRun missing = CliRun.of("convert", dir.resolve("none.onnx").toString(), "-o", out.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith(dir.resolve("none.onnx") + ": cannot read the file");
        CliRun noOutput = CliRun.of("convert", NET);
        assertThat(noOutput.code()).isEqualTo(2);
        assertThat(noOutput.err()).contains("Missing required option: '--output=OUT.onnx|OUT.json'");
        CliRun precision = CliRun.of("convert", NET, "-o", dir.resolve("n.onnx").toString(), "--precision", "half");
        assertThat(precision.code()).isEqualTo(2);
        assertThat(precision.err()).contains("expected one of [float32, float64]");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("conv.onnx");
        }
    }

    static List<String[]> cells(String csv) {
        return csv.lines().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void predictWritesTheNetworksOutputsForEveryRow() throws IOException {
        Path out = dir.resolve("pred.csv");
        CliRun r = CliRun.of("predict", NET, "--data", TEST, "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + out + ": 80 rows of y from " + NET + " and " + TEST + "\n");
        NetworkFile net = NetworkFiles.read(Path.of(NET));
        List<String[]> in = cells(Files.readString(Path.of(TEST)));
        List<String[]> pred = cells(Files.readString(out));
        assertThat(pred.get(0)).containsExactly("y");
        assertThat(pred).hasSize(in.size());
        for (int k = 1; k < in.size(); k++) {
            double[] x = {Double.parseDouble(in.get(k)[0]), Double.parseDouble(in.get(k)[1])};
            assertThat(Double.parseDouble(pred.get(k)[0])).isEqualTo(net.predict(x)[0]);
        }

        // columns are found by name: another order and extra columns give the same predictions, on stdout
        StringBuilder shuffled = new StringBuilder("id,x1,note,x0\n");
        for (int k = 1; k < in.size(); k++) {
            shuffled.append(k).append(',').append(in.get(k)[1]).append(",\"a, b\",").append(in.get(k)[0])
                    .append('\n');
        }
        Path data = dir.resolve("shuffled.csv");
        Files.writeString(data, shuffled);
        CliRun s = CliRun.of("predict", NET, "--data", data.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).isEqualTo(Files.readString(out));
    }

    @Test
    void anOnnxNetworkWithoutNamesTakesColumnsByPositionNameOrInputs() throws IOException {
        Path torch = dir.resolve("torch.onnx");
        Files.write(torch, torchImageNet("Relu"));
        NetworkFile net = NetworkFiles.read(torch);
        OnnxRuntimeCheck.assertRunsAs(torch, net);
        Path data = dir.resolve("pixels.csv");
        Files.writeString(data, "p0,p1,p2,p3\n0.5,-1,2,0.25\n1,1,1,1\n");
        CliRun missing = CliRun.of("predict", torch.toString(), "--data", data.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("odelump: " + data + ": no column 'x1', which the network needs as "
                + "input 1 (its inputs: x1, x2, x3, x4; the network names none, so give the columns with --inputs; "
                + "the file's columns: p0, p1, p2, p3)\n");
        CliRun r = CliRun.of("predict", torch.toString(), "--data", data.toString(), "--inputs", "p0,p1,p2,p3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("y1\n" + net.predict(new double[] {0.5, -1, 2, 0.25})[0] + "\n"
                + net.predict(new double[] {1, 1, 1, 1})[0] + "\n");
        CliRun count = CliRun.of("predict", torch.toString(), "--data", data.toString(), "--inputs", "p0,p1");
        assertThat(count.code()).isEqualTo(2);
        assertThat(count.err()).isEqualTo("odelump: --inputs names 2 columns, the network has 4 inputs\n");
    }

    @Test
    void predictRefusesBadDataWithExit2AndWritesNothing() throws IOException {
        Path out = dir.resolve("pred.csv");
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, "x0,x1\n1,2\n3,four\n");
        CliRun r = CliRun.of("predict", NET, "--data", data.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("odelump: " + data + ":3:3: expected a number in column 'x1', found 'four'\n");
        Files.writeString(data, "x0,y\n1,2\n");
        CliRun col = CliRun.of("predict", NET, "--data", data.toString(), "-o", out.toString());
        assertThat(col.code()).isEqualTo(2);
        assertThat(col.err()).isEqualTo("odelump: " + data + ": no column 'x1', which the network needs as input 2 "
                + "(its inputs: x0, x1; the file's columns: x0, y)\n");
        CliRun none = CliRun.of("predict", NET, "--data", dir.resolve("none.csv").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("odelump: no such file: " + dir.resolve("none.csv") + "\n");
        assertThat(out).doesNotExist();
    }
}
