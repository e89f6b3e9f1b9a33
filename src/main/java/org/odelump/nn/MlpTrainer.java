package org.odelump.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains a fully connected regression network with mean-squared-error loss by Adam on mini-batches, with early
 * stopping on a validation split (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; β1 = 0.9,
 * β2 = 0.999, ε = 1e-8, bias-corrected moments).
 *
 * <p>Initial weights are Glorot/Xavier uniform, U(±√(6 / (fan_in + fan_out))), for TANH, LOGISTIC and the
 * IDENTITY output layer (Glorot and Bengio, AISTATS 2010), and He uniform, U(±√(6 / fan_in)), for RELU layers
 * (He et al., ICCV 2015); biases start at zero. Each epoch visits the training rows in a fresh Fisher–Yates
 * shuffle. The loss of a batch of B rows and O outputs is Σ (ŷ − y)² / (B·O). After every epoch the validation MSE
 * is measured; the weights of the epoch with the lowest one are returned, and training stops after
 * {@code patience} epochs without a strict improvement.
 *
 * <p>Deterministic: one thread, a fixed summation order, {@link StrictMath} for tanh and exp, and one
 * {@code java.util.Random(seed)} stream for initialisation then shuffles, so the same data and options give
 * bitwise-identical weights on every JVM. The trainer does not standardise: pass standardised data
 * ({@link Standardisation}). Cost per epoch: O(rows · Σ_l in_l · out_l), about three forward passes; parameters,
 * gradients and Adam moments live in flat arrays and the inner loops allocate nothing.
 */
public final class MlpTrainer {

    private final Dataset train;
    private final Dataset validation;
    private final TrainingOptions options;
    private final TrainingListener listener;

    /**
     * @param train      training rows, at least one
     * @param validation validation rows with the same columns; may have zero rows (then the last epoch is kept)
     * @param options    hyper-parameters
     * @param listener   progress receiver ({@link TrainingListener#NONE} for none)
     */
    public MlpTrainer(Dataset train, Dataset validation, TrainingOptions options, TrainingListener listener) {
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
        Work w = new Work(widths, acts);
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
        Work w = new Work(start.widths(), acts);
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
        double[] bestTheta = w.theta.clone();
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
            double vl = hasVal ? w.meanSquaredError(validation) : Double.NaN;
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
                System.arraycopy(w.theta, 0, bestTheta, 0, bestTheta.length);
            } else if (options.patience() > 0 && epoch - bestEpoch >= options.patience()) {
                stoppedEarly = epoch < options.maxEpochs();
                break;
            }
        }
        if (bestEpoch == 0) {
            // validation loss never finite: keep the last weights
            bestEpoch = trainLoss.size();
            System.arraycopy(w.theta, 0, bestTheta, 0, bestTheta.length);
        }
        System.arraycopy(bestTheta, 0, w.theta, 0, bestTheta.length);
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

    /** Per-call working state: flat parameters θ (per layer W row-major then b), gradients, Adam moments. */
    private static final class Work {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPS = 1e-8;

        final int[] widths;
        final Activation[] acts;
        final int layers;
        final int[] wOff;
        final int[] bOff;
        final double[] theta;
        final double[] grad;
        final double[] m;
        final double[] v;
        final double[][] a; // a[0] input, a[l+1] output of layer l
        final double[][] delta; // delta[l]: dLoss/dz of layer l
        double beta1Pow = 1;
        double beta2Pow = 1;

        Work(int[] widths, Activation[] acts) {
            this.widths = widths.clone();
            this.acts = acts;
            this.layers = acts.length;
            wOff = new int[layers];
            bOff = new int[layers];
            int p = 0;
            for (int l = 0; l < layers; l++) {
                wOff[l] = p;
                p += widths[l] * widths[l + 1];
                bOff[l] = p;
                p += widths[l + 1];
            }
            theta = new double[p];
            grad = new double[p];
            m = new double[p];
            v = new double[p];
            a = new double[layers + 1][];
            delta = new double[layers][];
            for (int l = 0; l <= layers; l++) {
                a[l] = new double[widths[l]];
            }
            for (int l = 0; l < layers; l++) {
                delta[l] = new double[widths[l + 1]];
            }
        }

        void initialise(Random rnd) {
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                double limit = acts[l] == Activation.RELU ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
                for (int k = 0; k < in * out; k++) {
                    theta[wOff[l] + k] = (2 * rnd.nextDouble() - 1) * limit;
                }
            }
        }

        void load(Mlp net) {
            for (int l = 0; l < layers; l++) {
                DenseLayer d = net.layer(l);
                int in = widths[l];
                for (int j = 0; j < widths[l + 1]; j++) {
                    for (int i = 0; i < in; i++) {
                        theta[wOff[l] + j * in + i] = d.weight(j, i);
                    }
                    theta[bOff[l] + j] = d.bias(j);
                }
            }
        }

        Mlp toMlp() {
            List<DenseLayer> out = new ArrayList<>(layers);
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                double[][] wm = new double[widths[l + 1]][in];
                double[] b = new double[widths[l + 1]];
                for (int j = 0; j < wm.length; j++) {
                    System.arraycopy(theta, wOff[l] + j * in, wm[j], 0, in);
                    b[j] = theta[bOff[l] + j];
                }
                out.add(new DenseLayer(wm, b, acts[l]));
            }
            return new Mlp(out);
        }

        private static double activate(Activation act, double z) {
            return switch (act) {
                case TANH -> StrictMath.tanh(z);
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

        /** Forward pass of flat input row {@code r} of {@code x}; fills a[]. */
        private void forward(double[] x, int r) {
            double[] a0 = a[0];
            System.arraycopy(x, r * a0.length, a0, 0, a0.length);
            for (int l = 0; l < layers; l++) {
                double[] in = a[l];
                double[] out = a[l + 1];
                int nIn = in.length;
                int wo = wOff[l];
                int bo = bOff[l];
                Activation act = acts[l];
                for (int j = 0; j < out.length; j++) {
                    double s = theta[bo + j];
                    int row = wo + j * nIn;
                    for (int i = 0; i < nIn; i++) {
                        s += theta[row + i] * in[i];
                    }
                    out[j] = activate(act, s);
                }
            }
        }

        /** One Adam step on rows order[from..to); returns the batch loss before the step. */
        double step(Dataset data, int[] order, int from, int to, double lr) {
            java.util.Arrays.fill(grad, 0.0);
            double[] x = data.flatInputs();
            double[] y = data.flatTargets();
            int nOut = widths[layers];
            int batch = to - from;
            double scale = 2.0 / ((double) batch * nOut);
            double loss = 0;
            for (int k = from; k < to; k++) {
                int r = order[k];
                forward(x, r);
                double[] out = a[layers];
                double[] dL = delta[layers - 1];
                for (int o = 0; o < nOut; o++) {
                    double d = out[o] - y[r * nOut + o];
                    loss += d * d;
                    dL[o] = scale * d * derivative(acts[layers - 1], out[o]);
                }
                for (int l = layers - 1; l >= 0; l--) {
                    double[] in = a[l];
                    double[] dl = delta[l];
                    int nIn = in.length;
                    int wo = wOff[l];
                    int bo = bOff[l];
                    for (int j = 0; j < dl.length; j++) {
                        double dj = dl[j];
                        int row = wo + j * nIn;
                        for (int i = 0; i < nIn; i++) {
                            grad[row + i] += dj * in[i];
                        }
                        grad[bo + j] += dj;
                    }
                    if (l > 0) {
                        double[] dp = delta[l - 1];
                        java.util.Arrays.fill(dp, 0.0);
                        for (int j = 0; j < dl.length; j++) {
                            double dj = dl[j];
                            int row = wo + j * nIn;
                            for (int i = 0; i < nIn; i++) {
                                dp[i] += theta[row + i] * dj;
                            }
                        }
                        Activation act = acts[l - 1];
                        for (int i = 0; i < nIn; i++) {
                            dp[i] *= derivative(act, in[i]);
                        }
                    }
                }
            }
            beta1Pow *= BETA1;
            beta2Pow *= BETA2;
            double c1 = 1 - beta1Pow;
            double c2 = 1 - beta2Pow;
            for (int p = 0; p < theta.length; p++) {
                double g = grad[p];
                m[p] = BETA1 * m[p] + (1 - BETA1) * g;
                v[p] = BETA2 * v[p] + (1 - BETA2) * g * g;
                theta[p] -= lr * (m[p] / c1) / (Math.sqrt(v[p] / c2) + EPS);
            }
            return loss / ((double) batch * nOut);
        }

        double meanSquaredError(Dataset data) {
            double[] x = data.flatInputs();
            double[] y = data.flatTargets();
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
