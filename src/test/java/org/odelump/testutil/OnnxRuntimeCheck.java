package org.odelump.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.odelump.nn.data.ColumnScaling;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.OnnxNetworkReader;

/**
 * Runs an ONNX model in ONNX Runtime (the CPU build from Maven Central) and compares its outputs with odelump's own
 * forward pass. Every test that writes an ONNX file checks it here, so that "odelump computes f" and "ONNX Runtime
 * computes f" are one claim. Inputs are drawn around the network's input standardisation (or N(0, 1)), rounded to
 * the model's element type, fed in the graph input's own shape (e.g. [rows, 1, 28, 28]), and the reference is
 * {@link NetworkFile#predict} on the same rounded inputs.
 */
public final class OnnxRuntimeCheck {

    /** The largest absolute difference accepted between ONNX Runtime and odelump. */
    public static final double TOLERANCE = 1e-5;

    private OnnxRuntimeCheck() {
    }

    /**
     * Asserts that the ONNX file computes what {@code expected} predicts, within {@link #TOLERANCE}. ONNX Runtime
     * opens the file itself, so external data next to it is found.
     */
    public static double assertRunsAs(Path onnx, NetworkFile expected) {
        byte[] model;
        try {
            model = Files.readAllBytes(onnx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double d = maxAbsDiff(model, onnx, expected, new Random(20261204), 16);
        assertThat(d).as("max |ONNX Runtime - odelump| over 16 random rows of " + onnx)
                .isLessThanOrEqualTo(TOLERANCE);
        return d;
    }

    /** Asserts that the ONNX model computes what {@code expected} predicts; returns the largest difference. */
    public static double assertRunsAs(byte[] model, NetworkFile expected) {
        double d = maxAbsDiff(model, expected, new Random(20261204), 16);
        assertThat(d).as("max |ONNX Runtime - odelump| over 16 random rows").isLessThanOrEqualTo(TOLERANCE);
        return d;
    }

    /**
     * Asserts that the model computes what odelump reads from it ({@link OnnxNetworkReader}): the reader and ONNX
     * Runtime agree on the meaning of the graph.
     */
    public static double assertRunsAsRead(byte[] model) {
        return assertRunsAs(model, OnnxNetworkReader.read(model, "model.onnx", null));
    }

    /** The largest |ONNX Runtime − odelump| over {@code rows} random input rows. */
    public static double maxAbsDiff(byte[] model, NetworkFile expected, Random rnd, int rows) {
        return maxAbsDiff(model, null, expected, rnd, rows);
    }

    /** As {@link #maxAbsDiff(byte[], NetworkFile, Random, int)}; ONNX Runtime loads {@code file} when not null. */
    private static double maxAbsDiff(byte[] model, Path file, NetworkFile expected, Random rnd, int rows) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(model);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model", e);
        }
        ValueInfoProto input = firstRealInput(proto);
        boolean dbl = input.getType().getTensorType().getElemType() == TensorProto.DataType.DOUBLE_VALUE;
        int width = expected.mlp().inputs();
        double[][] x = new double[rows][width];
        ColumnScaling s = expected.inputStandardisation();
        for (double[] row : x) {
            for (int i = 0; i < width; i++) {
                double v = s == null ? rnd.nextGaussian() : s.mean()[i] + s.std()[i] * rnd.nextGaussian();
                row[i] = dbl ? v : (float) v;
            }
        }
        long[] shape = shape(input, rows, width);
        double[][] ort = run(model, file, input.getName(), shape, x, dbl, expected.mlp().outputs());
        double max = 0;
        for (int r = 0; r < rows; r++) {
            double[] want = expected.predict(x[r]);
            for (int j = 0; j < want.length; j++) {
                max = Math.max(max, Math.abs(ort[r][j] - want[j]));
            }
        }
        return max;
    }

    private static ValueInfoProto firstRealInput(ModelProto m) {
        for (ValueInfoProto v : m.getGraph().getInputList()) {
            if (m.getGraph().getInitializerList().stream().noneMatch(t -> t.getName().equals(v.getName()))) {
                return v;
            }
        }
        throw new IllegalArgumentException("the model has no graph input");
    }

    /** The input's declared shape with the batch dimension set to {@code rows} ([rows, width] if undeclared). */
    private static long[] shape(ValueInfoProto input, int rows, int width) {
        TensorShapeProto s = input.getType().getTensorType().getShape();
        if (s.getDimCount() == 0) {
            return new long[] {rows, width};
        }
        long[] shape = new long[s.getDimCount()];
        shape[0] = rows;
        long product = 1;
        for (int i = 1; i < shape.length; i++) {
            shape[i] = s.getDim(i).hasDimValue() ? s.getDim(i).getDimValue() : -1;
            product *= Math.max(shape[i], 1);
        }
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] < 0) {
                shape[i] = width / product;
            }
        }
        return shape;
    }

    private static double[][] run(byte[] model, Path file, String inputName, long[] shape, double[][] x,
            boolean dbl, int outputs) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            try (OrtSession session = file == null ? env.createSession(model, opts)
                            : env.createSession(file.toString(), opts);
                    OnnxTensor in = tensor(env, shape, x, dbl);
                    OrtSession.Result result = session.run(Map.of(inputName, in))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                double[] flat;
                if (dbl) {
                    DoubleBuffer b = out.getDoubleBuffer();
                    flat = new double[b.remaining()];
                    b.get(flat);
                } else {
                    FloatBuffer b = out.getFloatBuffer();
                    flat = new double[b.remaining()];
                    for (int i = 0; i < flat.length; i++) {
                        flat[i] = b.get(i);
                    }
                }
                assertThat(flat).as("ONNX Runtime output size").hasSize(x.length * outputs);
                double[][] y = new double[x.length][outputs];
                for (int r = 0; r < x.length; r++) {
                    System.arraycopy(flat, r * outputs, y[r], 0, outputs);
                }
                return y;
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, long[] shape, double[][] x, boolean dbl)
            throws OrtException {
        int width = x[0].length;
        if (dbl) {
            DoubleBuffer b = DoubleBuffer.allocate(x.length * width);
            for (double[] row : x) {
                b.put(row);
            }
            b.flip();
            return OnnxTensor.createTensor(env, b, shape);
        }
        FloatBuffer b = FloatBuffer.allocate(x.length * width);
        for (double[] row : x) {
            for (double v : row) {
                b.put((float) v);
            }
        }
        b.flip();
        return OnnxTensor.createTensor(env, b, shape);
    }
}
