package org.odelump.nn.io;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Decoding of ONNX initializer tensors into doubles: FLOAT and DOUBLE tensors (and INT64 for shapes) stored in
 * {@code raw_data} (little-endian), in the typed {@code float_data}/{@code double_data}/{@code int64_data} fields,
 * or in an external data file (ONNX "external data": {@code location}, {@code offset}, {@code length} keys, the
 * location relative to the model file's folder). Package-private.
 */
final class OnnxTensors {

    private OnnxTensors() {
    }

    /** A decoded tensor: its shape and its values in row-major order. */
    record Tensor(String name, long[] dims, double[] values) {
        int rank() {
            return dims.length;
        }

        String shape() {
            return Arrays.toString(dims);
        }
    }

    /** A problem decoding a tensor; the reader turns it into a diagnostic naming the node. */
    static final class TensorException extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean io;

        TensorException(String message, boolean io) {
            super(message);
            this.io = io;
        }
    }

    /**
     * Decodes a tensor.
     *
     * @param t       the tensor
     * @param baseDir the model file's folder for external data, or null when the model was not read from a file
     */
    static Tensor decode(TensorProto t, Path baseDir) throws TensorException {
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new TensorException("tensor '" + t.getName() + "' has a negative dimension "
                        + Arrays.toString(dims), false);
            }
            count = Math.multiplyExact(count, d);
        }
        if (count > Integer.MAX_VALUE / 8) {
            throw new TensorException("tensor '" + t.getName() + "' is too large (" + count + " elements)", false);
        }
        int n = (int) count;
        int type = t.getDataType();
        int width;
        if (type == TensorProto.DataType.FLOAT_VALUE) {
            width = 4;
        } else if (type == TensorProto.DataType.DOUBLE_VALUE || type == TensorProto.DataType.INT64_VALUE) {
            width = 8;
        } else {
            TensorProto.DataType dt = TensorProto.DataType.forNumber(type);
            throw new TensorException("tensor '" + t.getName() + "' has element type "
                    + (dt == null ? String.valueOf(type) : dt.name()) + "; only FLOAT and DOUBLE are supported",
                    false);
        }
        double[] v = new double[n];
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            fromBytes(externalBytes(t, baseDir, (long) n * width), type, v, t.getName());
        } else if (t.hasRawData()) {
            ByteString raw = t.getRawData();
            if (raw.size() != (long) n * width) {
                throw new TensorException("tensor '" + t.getName() + "' has " + raw.size() + " bytes of raw_data, "
                        + "expected " + ((long) n * width) + " for shape " + Arrays.toString(dims), false);
            }
            fromBytes(raw.asReadOnlyByteBuffer(), type, v, t.getName());
        } else if (type == TensorProto.DataType.FLOAT_VALUE) {
            checkCount(t, t.getFloatDataCount(), n, "float_data", dims);
            for (int i = 0; i < n; i++) {
                v[i] = t.getFloatData(i);
            }
        } else if (type == TensorProto.DataType.DOUBLE_VALUE) {
            checkCount(t, t.getDoubleDataCount(), n, "double_data", dims);
            for (int i = 0; i < n; i++) {
                v[i] = t.getDoubleData(i);
            }
        } else {
            checkCount(t, t.getInt64DataCount(), n, "int64_data", dims);
            for (int i = 0; i < n; i++) {
                v[i] = t.getInt64Data(i);
            }
        }
        return new Tensor(t.getName(), dims, v);
    }

    private static void checkCount(TensorProto t, int have, int n, String field, long[] dims)
            throws TensorException {
        if (have != n) {
            throw new TensorException("tensor '" + t.getName() + "' has " + have + " values in " + field
                    + ", expected " + n + " for shape " + Arrays.toString(dims), false);
        }
    }

    private static void fromBytes(ByteBuffer raw, int type, double[] v, String name) {
        ByteBuffer b = raw.slice().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) {
            if (type == TensorProto.DataType.FLOAT_VALUE) {
                v[i] = b.getFloat();
            } else if (type == TensorProto.DataType.DOUBLE_VALUE) {
                v[i] = b.getDouble();
            } else {
                v[i] = b.getLong();
            }
        }
    }

    private static ByteBuffer externalBytes(TensorProto t, Path baseDir, long expected) throws TensorException {
        String location = null;
        long offset = 0;
        long length = -1;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            try {
                switch (e.getKey()) {
                    case "location" -> location = e.getValue();
                    case "offset" -> offset = Long.parseLong(e.getValue());
                    case "length" -> length = Long.parseLong(e.getValue());
                    default -> { }
                }
            } catch (NumberFormatException ex) {
                throw new TensorException("tensor '" + t.getName() + "' has external_data " + e.getKey() + " = '"
                        + e.getValue() + "', expected an integer", false);
            }
        }
        if (location == null || location.isEmpty()) {
            throw new TensorException("tensor '" + t.getName() + "' is stored externally but names no location",
                    false);
        }
        if (baseDir == null) {
            throw new TensorException("tensor '" + t.getName() + "' is stored in external file '" + location
                    + "', but the model was not read from a file, so there is no folder to find it in", true);
        }
        Path data = baseDir.resolve(location).normalize();
        if (!Files.isRegularFile(data)) {
            throw new TensorException("tensor '" + t.getName() + "' is stored in external file '" + location
                    + "', which does not exist (looked for " + data + "); keep the data file next to the model",
                    true);
        }
        if (length >= 0 && length != expected) {
            throw new TensorException("tensor '" + t.getName() + "' has external length " + length + ", expected "
                    + expected, false);
        }
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
            if (offset < 0 || offset + expected > ch.size()) {
                throw new TensorException("tensor '" + t.getName() + "' needs bytes " + offset + ".."
                        + (offset + expected) + " of external file '" + location + "', which has " + ch.size(),
                        false);
            }
            ByteBuffer buf = ByteBuffer.allocate((int) expected);
            ch.position(offset);
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    break;
                }
            }
            buf.flip();
            return buf;
        } catch (IOException e) {
            throw new TensorException("cannot read external file '" + location + "' of tensor '" + t.getName()
                    + "': " + e.getMessage(), true);
        }
    }
}
