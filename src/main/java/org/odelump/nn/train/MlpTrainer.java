package org.odelump.nn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.Dataset;

/**
 * Trains a fully connected network with mean-squared-error loss (regression) or softmax cross-entropy
 * ({@link Loss}, classification with logits outputs) by Adam on mini-batches, with early
 * stopping on a validation split (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; β1 = 0.9,
 * β2 = 0.999, ε = 1e-8, bias-corrected moments).
 *
 * <p>Initial weights are Glorot/Xavier uniform, U(±√(6 / (fan_in + fan_out))), for TANH, LOGISTIC and the
 * IDENTITY output layer (Glorot and Bengio, AISTATS 2010), and He uniform, U(±√(6 / fan_in)), for RELU layers
 * (He et al., ICCV 2015); biases start at zero. Each epoch visits the training rows in a fresh Fisher–Yates
 * shuffle. The loss of a batch of B rows and O outputs is Σ (ŷ − y)² / (B·O), or with
 * {@link Loss#SOFTMAX_CROSS_ENTROPY} the mean over the B rows of −Σ_c y_c log softmax(ŷ)_c. After every epoch the
 * validation loss (the same one) is measured; the weights of the epoch with the lowest one are returned, and
 * training stops after {@code patience} epochs without a strict improvement.
 *
 * <p>Deterministic: one thread, a fixed summation order, {@link StrictMath#exp} (pure Java, specified to the bit)
 * for tanh and the logistic function, and one
 * {@code java.util.Random(seed)} stream for initialisation then shuffles, so the same data and options give
 * bitwise-identical weights on every JVM. The trainer does not standardise: pass standardised data
 * ({@link org.odelump.nn.data.Standardisation}). Cost per epoch: O(rows · Σ_l in_l · out_l), about three forward passes; parameters,
 * gradients and Adam moments live in flat arrays and the inner loops allocate nothing.
 */
public final class MlpTrainer {

    private final Dataset train;
    private final Dataset validation;
    private final TrainingOptions options;
    private final TrainingListener listener;
    private final Loss loss;

    /** A regression trainer ({@link Loss#MEAN_SQUARED_ERROR}). */
    public MlpTrainer(Dataset train, Dataset validation, TrainingOptions options, TrainingListener listener) {
        this(train, validation, options, listener, Loss.MEAN_SQUARED_ERROR);
    }

    /**
     * @param train      training rows, at least one
     * @param validation validation rows with the same columns; may have zero rows (then the last epoch is kept)
     * @param options    hyper-parameters
     * @param listener   progress receiver ({@link TrainingListener#NONE} for none)
     * @param loss       the loss minimised and used for early stopping; with
     *                   {@link Loss#SOFTMAX_CROSS_ENTROPY} the targets are one-hot rows, one column per class
     */
    public MlpTrainer(Dataset train, Dataset validation, TrainingOptions options, TrainingListener listener,
                      Loss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        this.train = Objects.requireNonNull(train, "train");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (train.rows() == 0) {
            throw new IllegalArgumentException("the training split is empty");
        }
        if (validation.features() != train.features() || validation.outputs() != train.outputs()) {
            throw new IllegalArgumentException("validation split has " + validation.features() + " features and "
                    + validation.outputs() + " outputs, training split " + train.features() + " and "
                    + train.outputs());
        }
    }

    /** A trained network and the report of its training. */
    public record Result(Mlp network, TrainingReport report) {
        public Result {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(report, "report");
        }
    }

    /** Trains from seeded initial weights with the layer sizes of the options. */
    public Result train() {
        int[] widths = new int[options.hiddenWidths().size() + 2];
        widths[0] = train.features();
        for (int l = 0; l < options.hiddenWidths().size(); l++) {
            widths[l + 1] = options.hiddenWidths().get(l);
        }
        widths[widths.length - 1] = train.outputs();
        Activation[] acts = new Activation[widths.length - 1];
        for (int l = 0; l < acts.length; l++) {
            acts[l] = l == acts.length - 1 ? Activation.IDENTITY : options.hiddenActivation();
        }
        Random rnd = new Random(options.seed());
        Work w = new Work(widths, acts, loss);
        w.initialise(rnd);
        return run(w, rnd);
    }

    /**
     * Continues training from {@code start} (e.g. fine-tuning a compressed network); its shape and activations
     * are kept and the hidden sizes of the options are ignored. The seed drives the shuffles only.
     */
    public Result train(Mlp start) {
        if (start.inputs() != train.features() || start.outputs() != train.outputs()) {
            throw new IllegalArgumentException("network " + start + " does not fit " + train);
        }
        Activation[] acts = new Activation[start.layers().size()];
        for (int l = 0; l < acts.length; l++) {
            acts[l] = start.layer(l).activation();
        }
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && acts[acts.length - 1] != Activation.IDENTITY) {
            throw new IllegalArgumentException("softmax cross-entropy needs an IDENTITY output layer (logits)");
        }
        Work w = new Work(start.widths(), acts, loss);
        w.load(start);
        return run(w, new Random(options.seed()));
    }

    private Result run(Work w, Random rnd) {
        long t0 = System.nanoTime();
        int n = train.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Double> trainLoss = new ArrayList<>();
        List<Double> valLoss = new ArrayList<>();
        boolean hasVal = validation.rows() > 0;
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        double[][] bestTheta = w.newSnapshot();
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += options.batchSize()) {
                int to = Math.min(n, from + options.batchSize());
                sum += w.step(train, order, from, to, options.learningRate());
                batches++;
            }
            double tl = sum / batches;
            double vl = hasVal ? w.meanLoss(validation) : Double.NaN;
            trainLoss.add(tl);
            valLoss.add(vl);
            listener.epochFinished(epoch, options.maxEpochs(), tl, vl);
            if (!Double.isFinite(tl)) {
                throw new ArithmeticException("training diverged at epoch " + epoch + " (loss " + tl
                        + "); lower the learning rate");
            }
            if (!hasVal || vl < best) {
                best = vl;
                bestEpoch = epoch;
                w.copyTo(bestTheta);
            } else if (options.patience() > 0 && epoch - bestEpoch >= options.patience()) {
                stoppedEarly = epoch < options.maxEpochs();
                break;
            }
        }
        if (bestEpoch == 0) {
            // validation loss never finite: keep the last weights
            bestEpoch = trainLoss.size();
            w.copyTo(bestTheta);
        }
        w.restore(bestTheta);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Result(w.toMlp(), new TrainingReport(options, trainLoss, valLoss, bestEpoch, stoppedEarly, ms));
    }

    /** Mean squared error of {@code net} on {@code data}, averaged over rows and outputs. */
    public static double meanSquaredError(Mlp net, Dataset data) {
        double s = 0;
        for (int r = 0; r < data.rows(); r++) {
            double[] out = net.apply(data.inputRow(r));
            for (int o = 0; o < out.length; o++) {
                double d = out[o] - data.target(r, o);
                s += d * d;
            }
        }
        return s / ((double) data.rows() * data.outputs());
    }

    /** Root mean squared error of {@code net} on {@code data}. */
    public static double rootMeanSquaredError(Mlp net, Dataset data) {
        return Math.sqrt(meanSquaredError(net, data));
    }

    /**
     * tanh through the pure-Java, platform-independent {@link StrictMath#exp} (about twice as fast as the
     * native {@link StrictMath#tanh} of JDK 17): (e − 1)/(e + 1) with e = exp(2|z|), sign restored, and the
     * Taylor series z − z³/3 + 2z⁵/15 − 17z⁷/315 for |z| &lt; 0.01. Absolute error a few 1e-16; relative error
     * below 1e-13 everywhere.
     */
    static double tanh(double z) {
        double a = Math.abs(z);
        if (a < 0.01) {
            double z2 = z * z;
            return z * (1 - z2 * (1.0 / 3 - z2 * (2.0 / 15 - z2 * (17.0 / 315))));
        }
        if (a > 20) {
            return Math.copySign(1.0, z);
        }
        double e = StrictMath.exp(2 * a);
        return Math.copySign((e - 1) / (e + 1), z);
    }

    /**
     * Per-call working state. Every weight row W[l][j], every bias vector, their gradients and Adam moments are
     * separate arrays (and the forward pass reads a transposed copy), so that each inner loop is of the form
     * a[i] += c·b[i] over two distinct arrays at the same index, which the JIT vectorises.
     */
    private static final class Work {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPS = 1e-8;

        final int[] widths;
        final Activation[] acts;
        final Loss loss;
        final int layers;
        final double[][][] w; // w[l][j][i]: weight from input i to output j of layer l
        final double[][] b;
        final double[][][] wt; // wt[l][i][j] = w[l][j][i], read by the forward pass
        final double[][][] gw;
        final double[][] gb;
        final double[][] params; // every row of w and b, in a fixed order (Adam and snapshots iterate this)
        final double[][] grads;
        final double[][] m;
        final double[][] v;
        final double[][] a; // a[0] input, a[l+1] output of layer l
        final double[][] delta; // delta[l]: dLoss/dz of layer l
        double beta1Pow = 1;
        double beta2Pow = 1;

        Work(int[] widths, Activation[] acts, Loss loss) {
            this.widths = widths.clone();
            this.acts = acts;
            this.loss = loss;
            this.layers = acts.length;
            w = new double[layers][][];
            b = new double[layers][];
            wt = new double[layers][][];
            gw = new double[layers][][];
            gb = new double[layers][];
            List<double[]> p = new ArrayList<>();
            List<double[]> g = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                w[l] = new double[widths[l + 1]][widths[l]];
                gw[l] = new double[widths[l + 1]][widths[l]];
                wt[l] = new double[widths[l]][widths[l + 1]];
                b[l] = new double[widths[l + 1]];
                gb[l] = new double[widths[l + 1]];
                for (int j = 0; j < widths[l + 1]; j++) {
                    p.add(w[l][j]);
                    g.add(gw[l][j]);
                }
                p.add(b[l]);
                g.add(gb[l]);
            }
            params = p.toArray(new double[0][]);
            grads = g.toArray(new double[0][]);
            m = newSnapshot();
            v = newSnapshot();
            a = new double[layers + 1][];
            delta = new double[layers][];
            for (int l = 0; l <= layers; l++) {
                a[l] = new double[widths[l]];
            }
            for (int l = 0; l < layers; l++) {
                delta[l] = new double[widths[l + 1]];
            }
        }

        /** Zero arrays shaped like the parameters. */
        double[][] newSnapshot() {
            double[][] out = new double[params.length][];
            for (int k = 0; k < out.length; k++) {
                out[k] = new double[params[k].length];
            }
            return out;
        }

        void copyTo(double[][] snapshot) {
            for (int k = 0; k < params.length; k++) {
                System.arraycopy(params[k], 0, snapshot[k], 0, params[k].length);
            }
        }

        void restore(double[][] snapshot) {
            for (int k = 0; k < params.length; k++) {
                System.arraycopy(snapshot[k], 0, params[k], 0, params[k].length);
            }
            syncTransposed();
        }

        void initialise(Random rnd) {
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                double limit = acts[l] == Activation.RELU ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
                for (int j = 0; j < out; j++) {
                    for (int i = 0; i < in; i++) {
                        w[l][j][i] = (2 * rnd.nextDouble() - 1) * limit;
                    }
                }
            }
            syncTransposed();
        }

        void load(Mlp net) {
            for (int l = 0; l < layers; l++) {
                DenseLayer d = net.layer(l);
                for (int j = 0; j < widths[l + 1]; j++) {
                    for (int i = 0; i < widths[l]; i++) {
                        w[l][j][i] = d.weight(j, i);
                    }
                    b[l][j] = d.bias(j);
                }
            }
            syncTransposed();
        }

        Mlp toMlp() {
            List<DenseLayer> out = new ArrayList<>(layers);
            for (int l = 0; l < layers; l++) {
                out.add(new DenseLayer(w[l], b[l], acts[l]));
            }
            return new Mlp(out);
        }

        /** Refreshes the transposed weights the forward pass reads (after every change of the weights). */
        void syncTransposed() {
            for (int l = 0; l < layers; l++) {
                double[][] wl = w[l];
                double[][] tl = wt[l];
                for (int j = 0; j < wl.length; j++) {
                    double[] row = wl[j];
                    for (int i = 0; i < row.length; i++) {
                        tl[i][j] = row[i];
                    }
                }
            }
        }

        private static double activate(Activation act, double z) {
            return switch (act) {
                case TANH -> tanh(z);
                case LOGISTIC -> 1.0 / (1.0 + StrictMath.exp(-z));
                case IDENTITY -> z;
                case RELU -> z > 0 ? z : 0.0;
            };
        }

        /** σ'(z) written in terms of the activation value h = σ(z). */
        private static double derivative(Activation act, double h) {
            return switch (act) {
                case TANH -> 1 - h * h;
                case LOGISTIC -> h * (1 - h);
                case IDENTITY -> 1;
                case RELU -> h > 0 ? 1 : 0;
            };
        }

        /**
         * Forward pass of flat input row {@code r} of {@code x}; fills a[]. Each z_j is summed as
         * b_j + w_j0·x_0 + w_j1·x_1 + … in this order; the loop runs over i outside and j inside on the transposed
         * weights so that the inner loop is a vectorisable axpy.
         */
        private void forward(double[] x, int r) {
            double[] a0 = a[0];
            System.arraycopy(x, r * a0.length, a0, 0, a0.length);
            for (int l = 0; l < layers; l++) {
                double[] in = a[l];
                double[] out = a[l + 1];
                double[][] tl = wt[l];
                System.arraycopy(b[l], 0, out, 0, out.length);
                for (int i = 0; i < in.length; i++) {
                    double xi = in[i];
                    double[] col = tl[i];
                    for (int j = 0; j < out.length; j++) {
                        out[j] += col[j] * xi;
                    }
                }
                Activation act = acts[l];
                if (act != Activation.IDENTITY) {
                    for (int j = 0; j < out.length; j++) {
                        out[j] = activate(act, out[j]);
                    }
                }
            }
        }

        /** The data set whose row-major copies are held in flatX and flatY (copied once while it is in use). */
        private Dataset flatOf;
        private double[] flatX;
        private double[] flatY;

        private void flat(Dataset data) {
            if (data != flatOf) {
                flatOf = data;
                flatX = data.inputsRowMajor();
                flatY = data.targetsRowMajor();
            }
        }

        /** One Adam step on rows order[from..to); returns the batch loss before the step. */
        double step(Dataset data, int[] order, int from, int to, double lr) {
            for (double[] g : grads) {
                java.util.Arrays.fill(g, 0.0);
            }
            flat(data);
            double[] x = flatX;
            double[] y = flatY;
            int nOut = widths[layers];
            int batch = to - from;
            double scale = 2.0 / ((double) batch * nOut);
            double loss = 0;
            for (int k = from; k < to; k++) {
                int r = order[k];
                forward(x, r);
                double[] out = a[layers];
                double[] dL = delta[layers - 1];
                if (this.loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                    loss += crossEntropyGradient(out, y, r * nOut, 1.0 / batch, dL);
                } else {
                    for (int o = 0; o < nOut; o++) {
                        double d = out[o] - y[r * nOut + o];
                        loss += d * d;
                        dL[o] = scale * d * derivative(acts[layers - 1], out[o]);
                    }
                }
                for (int l = layers - 1; l >= 0; l--) {
                    double[] in = a[l];
                    double[] dl = delta[l];
                    double[][] gwl = gw[l];
                    double[] gbl = gb[l];
                    for (int j = 0; j < dl.length; j++) {
                        double dj = dl[j];
                        double[] g = gwl[j];
                        for (int i = 0; i < in.length; i++) {
                            g[i] += dj * in[i];
                        }
                        gbl[j] += dj;
                    }
                    if (l > 0) {
                        double[] dp = delta[l - 1];
                        double[][] wl = w[l];
                        java.util.Arrays.fill(dp, 0.0);
                        for (int j = 0; j < dl.length; j++) {
                            double dj = dl[j];
                            double[] row = wl[j];
                            for (int i = 0; i < dp.length; i++) {
                                dp[i] += row[i] * dj;
                            }
                        }
                        Activation act = acts[l - 1];
                        for (int i = 0; i < dp.length; i++) {
                            dp[i] *= derivative(act, in[i]);
                        }
                    }
                }
            }
            beta1Pow *= BETA1;
            beta2Pow *= BETA2;
            double c1 = 1 - beta1Pow;
            double c2 = 1 - beta2Pow;
            for (int k = 0; k < params.length; k++) {
                double[] th = params[k];
                double[] g = grads[k];
                double[] mk = m[k];
                double[] vk = v[k];
                for (int p = 0; p < th.length; p++) {
                    double gp = g[p];
                    mk[p] = BETA1 * mk[p] + (1 - BETA1) * gp;
                    vk[p] = BETA2 * vk[p] + (1 - BETA2) * gp * gp;
                    th[p] -= lr * (mk[p] / c1) / (Math.sqrt(vk[p] / c2) + EPS);
                }
            }
            syncTransposed();
            return this.loss == Loss.SOFTMAX_CROSS_ENTROPY ? loss / batch : loss / ((double) batch * nOut);
        }

        /**
         * −Σ_c y_c log softmax(z)_c of logits z against targets y[from..from+z.length), and its gradient
         * scale·(softmax(z) − y) written into {@code grad}.
         */
        private static double crossEntropyGradient(double[] z, double[] y, int from, double scale, double[] grad) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int o = 0; o < z.length; o++) {
                grad[o] = StrictMath.exp(z[o] - max);
                sum += grad[o];
            }
            double logSum = StrictMath.log(sum);
            double ce = 0;
            for (int o = 0; o < z.length; o++) {
                double t = y[from + o];
                if (t != 0) {
                    ce -= t * (z[o] - max - logSum);
                }
                grad[o] = scale * (grad[o] / sum - t);
            }
            return ce;
        }

        /** The validation loss: mean squared error, or mean cross-entropy per row. */
        double meanLoss(Dataset data) {
            if (loss != Loss.SOFTMAX_CROSS_ENTROPY) {
                return meanSquaredError(data);
            }
            flat(data);
            double[] x = flatX;
            double[] y = flatY;
            int nOut = widths[layers];
            double[] scratch = new double[nOut];
            double s = 0;
            for (int r = 0; r < data.rows(); r++) {
                forward(x, r);
                s += crossEntropyGradient(a[layers], y, r * nOut, 0, scratch);
            }
            return s / data.rows();
        }

        double meanSquaredError(Dataset data) {
            flat(data);
            double[] x = flatX;
            double[] y = flatY;
            int nOut = widths[layers];
            double s = 0;
            for (int r = 0; r < data.rows(); r++) {
                forward(x, r);
                double[] out = a[layers];
                for (int o = 0; o < nOut; o++) {
                    double d = out[o] - y[r * nOut + o];
                    s += d * d;
                }
            }
            return s / ((double) data.rows() * nOut);
        }
    }
}
