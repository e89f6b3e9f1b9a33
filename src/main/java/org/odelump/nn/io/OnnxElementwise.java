package org.odelump.nn.io;

import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Arrays;

/**
 * The elementwise Sub/Div/Mul/Add maps the ONNX reader folds or keeps as standardisations: per-column affine maps
 * and numpy broadcasting of their constants over the input's feature dimensions. Package-private.
 */
final class OnnxElementwise {

    private OnnxElementwise() {
    }

    /**
     * Elementwise y = x·scale + shift per column, built from Sub/Div/Mul/Add nodes with constant operands; the first
     * node's description is kept for messages.
     */
    static final class ColumnAffine {
        final double[] scale;
        final double[] shift;
        final String firstNode;

        ColumnAffine(int n, String firstNode) {
            scale = new double[n];
            shift = new double[n];
            Arrays.fill(scale, 1);
            this.firstNode = firstNode;
        }

        /** Applies {@code op} with per-column constant {@code c}; {@code constantFirst} for c − x. */
        void apply(String op, double[] c, boolean constantFirst) {
            for (int i = 0; i < scale.length; i++) {
                switch (op) {
                    case "Add" -> shift[i] += c[i];
                    case "Sub" -> {
                        if (constantFirst) {
                            scale[i] = -scale[i];
                            shift[i] = c[i] - shift[i];
                        } else {
                            shift[i] -= c[i];
                        }
                    }
                    case "Mul" -> {
                        scale[i] *= c[i];
                        shift[i] *= c[i];
                    }
                    case "Div" -> {
                        scale[i] /= c[i];
                        shift[i] /= c[i];
                    }
                    default -> throw new AssertionError(op);
                }
            }
        }

        boolean positive() {
            for (double v : scale) {
                if (!(v > 0)) {
                    return false;
                }
            }
            return true;
        }

        /** Rows j of (w, b) become scale_j·row + shift_j: the map applied after the layer's affine part. */
        void foldAfter(double[][] w, double[] b) {
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < w[j].length; i++) {
                    w[j][i] *= scale[j];
                }
                b[j] = b[j] * scale[j] + shift[j];
            }
        }

        /** Columns i of w are scaled and b absorbs the shift: the map applied to the layer's inputs. */
        void foldBefore(double[][] w, double[] b) {
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < w[j].length; i++) {
                    b[j] += w[j][i] * shift[i];
                    w[j][i] *= scale[i];
                }
            }
        }
    }

    /**
     * A constant of shape {@code constDims} as one value per feature of {@code featureDims} (row-major, the batch
     * dimension left out), by numpy broadcasting: the constant may have one dimension more (a leading 1 for the
     * batch), and each of its dimensions is 1 or the feature dimension it is aligned with from the right. A single
     * value fills every feature.
     *
     * @return the {@code width} values, or null when the constant does not broadcast to the features
     */
    static double[] broadcast(long[] constDims, double[] values, long[] featureDims, int width) {
        if (values.length == 1) {
            double[] out = new double[width];
            Arrays.fill(out, values[0]);
            return out;
        }
        long[] fd = featureDims;
        long[] cd = constDims;
        if (product(fd) != width || cd.length > fd.length + 1 || (cd.length > fd.length && cd[0] != 1)) {
            return null;
        }
        long[] aligned = new long[fd.length];
        Arrays.fill(aligned, 1);
        int drop = Math.max(0, cd.length - fd.length);
        for (int k = drop; k < cd.length; k++) {
            aligned[fd.length - (cd.length - k)] = cd[k];
        }
        for (int k = 0; k < fd.length; k++) {
            if (aligned[k] != 1 && aligned[k] != fd[k]) {
                return null;
            }
        }
        double[] out = new double[width];
        for (int f = 0; f < width; f++) {
            long rest = f;
            long ci = 0;
            long cstride = 1;
            for (int k = fd.length - 1; k >= 0; k--) {
                long index = rest % fd[k];
                rest /= fd[k];
                if (aligned[k] != 1) {
                    ci += index * cstride;
                }
                cstride *= aligned[k];
            }
            out[f] = values[(int) ci];
        }
        return out;
    }

    static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }

    /** The graph input's dimensions after the batch, or null when it has no shape or an unknown dimension. */
    static long[] knownFeatureDims(ValueInfoProto v) {
        if (!v.hasType() || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            return null;
        }
        TensorShapeProto shape = v.getType().getTensorType().getShape();
        if (shape.getDimCount() < 2) {
            return null;
        }
        long[] d = new long[shape.getDimCount() - 1];
        for (int i = 1; i < shape.getDimCount(); i++) {
            if (!shape.getDim(i).hasDimValue()) {
                return null;
            }
            d[i - 1] = shape.getDim(i).getDimValue();
        }
        return d;
    }
}
