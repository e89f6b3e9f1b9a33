package org.odelump.nn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The seeded generator of {@code ode-specs/random_network_planted.ode}: a random mass-action network over four
 * species types A, B, C, D with three copies each (A0, A1, A2, …), symmetric under the cyclic shift of the copy
 * index, so that the orbit partition {A0, A1, A2}, {B0, B1, B2}, … is an exact backward equivalence.
 *
 * <p>Construction, with {@code java.util.SplittableRandom(SEED)} drawn in this order:
 * <ol>
 *   <li>{@value #RATE_COUNT} rate constants k1… drawn from {@link #RATE_VALUES};</li>
 *   <li>{@value #BIMOLECULAR} representative reactions {@code P0 + Qo -> Ro'} (types P, Q, R and offsets o, o'
 *       uniform) and {@value #UNIMOLECULAR} representative reactions {@code P0 -> Qo} with Q ≠ P or o ≠ 0,
 *       each with a rate constant chosen uniformly among k1…;</li>
 *   <li>fixed parts: degradation {@code X -> sink} of every species with a per-type rate dA, dB, dC, dD and a
 *       constant inflow {@code sink -> Ai} at rate p.</li>
 * </ol>
 * Every representative reaction is written with its three images under the shift i ↦ i + s (mod 3), s = 0, 1, 2.
 * No reaction makes more molecules than it consumes except the inflow, and every species degrades, so the total
 * amount stays bounded. The mapping σ (shift of every copy index) maps the reaction set onto itself, so
 * f(σx) = σf(x) and the fixed-point subspace of σ, the block-constant states, is invariant: that is the BE.
 */
final class PlantedNetworkSpec {

    static final long SEED = 20261125L;
    static final String FILE = "random_network_planted.ode";
    static final String[] TYPES = {"A", "B", "C", "D"};
    static final int COPIES = 3;
    static final double[] RATE_VALUES = {0.5, 1.0, 1.5, 2.0, 3.0};
    static final int RATE_COUNT = 4;
    static final int BIMOLECULAR = 5;
    static final int UNIMOLECULAR = 3;
    /** Degradation rate per type, inflow rate and initial value per type (block-constant initial state). */
    static final double[] DEGRADATION = {0.4, 0.3, 0.5, 0.6};
    static final double INFLOW = 1.0;
    static final double[] INITIAL = {1.0, 0.5, 0.25, 0.1};

    private PlantedNetworkSpec() {
    }

    /** The planted partition in the README's block notation. */
    static String plantedBlocks() {
        List<String> blocks = new ArrayList<>();
        for (String t : TYPES) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < COPIES; i++) {
                members.add(t + i);
            }
            blocks.add("{" + String.join(", ", members) + "}");
        }
        return String.join(", ", blocks);
    }

    static String species(int type, int copy) {
        return TYPES[type] + Math.floorMod(copy, COPIES);
    }

    /** The full text of the model file. */
    static String text() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] rates = new double[RATE_COUNT];
        for (int r = 0; r < RATE_COUNT; r++) {
            rates[r] = RATE_VALUES[rnd.nextInt(RATE_VALUES.length)];
        }
        List<int[]> bi = new ArrayList<>();
        for (int r = 0; r < BIMOLECULAR; r++) {
            // {P, Q, oQ, R, oR, rate}
            bi.add(new int[] {rnd.nextInt(TYPES.length), rnd.nextInt(TYPES.length), rnd.nextInt(COPIES),
                rnd.nextInt(TYPES.length), rnd.nextInt(COPIES), rnd.nextInt(RATE_COUNT)});
        }
        List<int[]> uni = new ArrayList<>();
        while (uni.size() < UNIMOLECULAR) {
            int[] u = {rnd.nextInt(TYPES.length), rnd.nextInt(TYPES.length), rnd.nextInt(COPIES),
                rnd.nextInt(RATE_COUNT)};
            if (u[0] != u[1] || u[2] != 0) {
                uni.add(u);
            }
        }
        StringBuilder sb = new StringBuilder();
        String planted = plantedBlocks();
        sb.append("""
                // Random mass-action reaction network with a planted exact lumping: four species types A, B, C, D in
                // three copies each, generated over copy 0 and symmetrised under the cyclic shift of the copy index
                // (every reaction is listed with its three images). Bimolecular binding and unimolecular conversion
                // with rates drawn from a few values, degradation of every species and a constant inflow of A keep
                // the state bounded. Generated (seed %d) by the test class org.odelump.nn.data.PlantedNetworkSpec, whose
                // construction is documented there; PlantedNetworkTest regenerates this text and compares.
                // Why the lumping holds: the shift of every copy index maps the reaction set onto itself,
                // so it commutes with the vector field and the block-constant states (its fixed points)
                // form an invariant set; that is a backward equivalence as defined by L. Cardelli,
                // M. Tribastone, M. Tschaikowski, A. Vandin, "Maximal aggregation of polynomial dynamical
                // systems", PNAS 114(38):10029-10034, 2017.
                // The initial state is block-constant, so the ic prepartition keeps the planted blocks.
                // FE: the binding reactions couple copies with offsets, so block sums are not closed; the coarsest FE
                // (computed with odelump) is trivial.
                """.formatted(SEED));
        sb.append("// expect: FE prepartition=none blocks=").append(discrete()).append('\n');
        sb.append("// expect: FE prepartition=ic blocks=").append(discrete()).append('\n');
        sb.append("// expect: BE prepartition=none blocks=").append(planted).append('\n');
        sb.append("// expect: BE prepartition=ic blocks=").append(planted).append('\n');
        sb.append("begin model random_network_planted\n begin parameters\n");
        for (int r = 0; r < RATE_COUNT; r++) {
            sb.append("  k").append(r + 1).append(" = ").append(num(rates[r])).append('\n');
        }
        for (int t = 0; t < TYPES.length; t++) {
            sb.append("  d").append(TYPES[t]).append(" = ").append(num(DEGRADATION[t])).append('\n');
        }
        sb.append("  p = ").append(num(INFLOW)).append('\n');
        sb.append(" end parameters\n begin init\n");
        for (int t = 0; t < TYPES.length; t++) {
            for (int i = 0; i < COPIES; i++) {
                sb.append("  ").append(species(t, i)).append(" = ").append(num(INITIAL[t])).append('\n');
            }
        }
        sb.append(" end init\n begin reactions\n");
        for (int[] b : bi) {
            for (int s = 0; s < COPIES; s++) {
                String p = species(b[0], s);
                String q = species(b[1], b[2] + s);
                String lhs = p.equals(q) ? "2*" + p : p + " + " + q;
                sb.append("  ").append(lhs).append(" -> ").append(species(b[3], b[4] + s)).append(" , k")
                        .append(b[5] + 1).append('\n');
            }
        }
        for (int[] u : uni) {
            for (int s = 0; s < COPIES; s++) {
                sb.append("  ").append(species(u[0], s)).append(" -> ").append(species(u[1], u[2] + s))
                        .append(" , k").append(u[3] + 1).append('\n');
            }
        }
        for (int t = 0; t < TYPES.length; t++) {
            for (int i = 0; i < COPIES; i++) {
                sb.append("  ").append(species(t, i)).append(" -> sink , d").append(TYPES[t]).append('\n');
            }
        }
        for (int i = 0; i < COPIES; i++) {
            sb.append("  sink -> ").append(species(0, i)).append(" , p\n");
        }
        sb.append(" end reactions\n begin views\n");
        for (String t : TYPES) {
            sb.append("  total").append(t).append(" = ").append(t).append("0 + ").append(t).append("1 + ")
                    .append(t).append("2\n");
        }
        sb.append(" end views\nend model\n");
        return sb.toString();
    }

    private static String discrete() {
        List<String> blocks = new ArrayList<>();
        for (int t = 0; t < TYPES.length; t++) {
            for (int i = 0; i < COPIES; i++) {
                blocks.add("{" + species(t, i) + "}");
            }
        }
        return String.join(", ", blocks);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
    }

    /** Prints the file text (run once to write the file; the test compares). */
}
