package org.odelump.nn.compress;

import java.util.List;
import java.util.Optional;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.prune.BaselineMatching;

/**
 * The ways a network can be compressed and compared: lumping by approximate differential equivalence with one of
 * three criteria for afde (outgoing weights, least-squares selection, ray trajectories) or on incoming weights
 * (abde), and the four pruning baselines of {@link BaselineMatching}.
 */
public enum CompressionMethod {
    /** {@link LumpingCompressor} ε-FE on the layer-wise encoding: outgoing weight columns close. */
    AFDE("afde", "afde", "weights", LumpingCompressor.Method.AFDE, null),
    /** {@link LumpingCompressor} ε-BE: incoming weight rows close. */
    ABDE("abde", "abde", "weights", LumpingCompressor.Method.ABDE, null),
    /** {@link LeastSquaresSelection}: the neurons the kept ones reproduce best go, the next layer re-solved. */
    LSQ("lsq", "afde", "lsq", null, null),
    /** {@link DynamicsLumping}: neurons grouped by their trajectories along the ray t·x. */
    DYNAMICS("dynamics", "afde", "dynamics", null, null),
    /** {@link org.odelump.nn.prune.GlobalMagnitudePruning}. */
    MAGNITUDE("magnitude", "magnitude", null, null, BaselineMatching.Baseline.GLOBAL_MAGNITUDE),
    /** {@link org.odelump.nn.prune.LayerMagnitudePruning}. */
    LAYER_MAGNITUDE("layer-magnitude", "layer-magnitude", null, null, BaselineMatching.Baseline.LAYER_MAGNITUDE),
    /** {@link org.odelump.nn.prune.StructuredMagnitudePruning}. */
    STRUCTURED("structured", "structured", null, null, BaselineMatching.Baseline.STRUCTURED_MAGNITUDE),
    /** {@link org.odelump.nn.prune.WandaPruning}. */
    WANDA("wanda", "wanda", null, null, BaselineMatching.Baseline.WANDA);

    private final String key;
    private final String option;
    private final String criterion;
    private final LumpingCompressor.Method lumping;
    private final BaselineMatching.Baseline baseline;

    CompressionMethod(String key, String option, String criterion, LumpingCompressor.Method lumping,
                      BaselineMatching.Baseline baseline) {
        this.key = key;
        this.option = option;
        this.criterion = criterion;
        this.lumping = lumping;
        this.baseline = baseline;
    }

    /** The name in the experiment's rows: {@code afde}, {@code lsq}, {@code magnitude}, ... */
    public String key() {
        return key;
    }

    /** The spelling of {@code odelump compress --method}: the three afde criteria are all {@code afde}. */
    public String option() {
        return option;
    }

    /** The {@code --criterion} of a lumping method ({@code weights}, {@code lsq}, {@code dynamics}), else null. */
    public String criterion() {
        return criterion;
    }

    /** The ε-FE/ε-BE method of {@link LumpingCompressor} for afde and abde on weights, else null. */
    public LumpingCompressor.Method lumping() {
        return lumping;
    }

    /** The pruning baseline, or null for a lumping method. */
    public BaselineMatching.Baseline baseline() {
        return baseline;
    }

    /** Whether this method prunes (a baseline) rather than lumps. */
    public boolean prunes() {
        return baseline != null;
    }

    /** The method of a baseline. */
    public static CompressionMethod of(BaselineMatching.Baseline b) {
        for (CompressionMethod m : values()) {
            if (m.baseline == b) {
                return m;
            }
        }
        throw new IllegalArgumentException(String.valueOf(b));
    }

    /** A method, criterion, ε reading or calibration size that do not go together; the message says why. */
    public static final class InvalidChoiceException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidChoiceException(String message) {
            super(message);
        }
    }

    /**
     * The method that {@code --method option --criterion criterion} name, checked against how ε is read and the
     * number of calibration rows: a criterion other than weights belongs to afde, reads ε as relative, and lsq
     * chooses its ridge on at least two calibration rows.
     *
     * @param criterion null for the default (lsq for afde)
     * @throws InvalidChoiceException naming the option that does not fit
     */
    public static CompressionMethod choose(String option, String criterion, EpsilonMode mode, int calibrationRows) {
        CompressionMethod named = of(option, null).orElseThrow(() -> new InvalidChoiceException("unknown --method '"
                + option + "'; expected one of afde, abde, magnitude, layer-magnitude, wanda, structured"));
        if (criterion != null && !List.of("lsq", "weights", "dynamics").contains(criterion)) {
            throw new InvalidChoiceException("unknown --criterion '" + criterion + "'; expected lsq, weights or "
                    + "dynamics");
        }
        String c = criterion != null ? criterion : named.criterion != null ? named.criterion : "weights";
        if (!c.equals("weights") && named != LSQ) {
            throw new InvalidChoiceException("--criterion " + c + " applies to --method afde only");
        }
        if (!c.equals("weights") && mode != EpsilonMode.REL) {
            throw new InvalidChoiceException("--criterion " + c + " reads epsilon as relative only; use "
                    + "--criterion weights for --epsilon-mode abs");
        }
        if (c.equals("lsq") && calibrationRows < 2) {
            throw new InvalidChoiceException("--criterion lsq needs --calibration of at least 2 rows");
        }
        return of(option, c).orElseThrow();
    }

    /**
     * The method that {@code --method option} with {@code --criterion criterion} names; a null criterion means the
     * default, lsq for afde and weights for abde; a baseline ignores the criterion. Empty for an unknown spelling or a
     * criterion the lumping method lacks.
     */
    public static Optional<CompressionMethod> of(String option, String criterion) {
        String c = criterion != null ? criterion : option.equals("afde") ? "lsq" : null;
        for (CompressionMethod m : values()) {
            if (m.option.equals(option) && (m.criterion == null || m.criterion.equals(c != null ? c : "weights"))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
