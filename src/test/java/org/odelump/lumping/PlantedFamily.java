package org.odelump.lumping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/**
 * A planted model family: k groups of m interchangeable copies, with drifts
 * f_{g,j} = −a_g x_{g,j} + Σ_h (b_{gh}/m) Σ_{j'} x_{h,j'} + (q_g/m) x_{g,j} Σ_{j'} x_{g+1,j'}, which make the groups
 * both an exact FE and an exact BE; then every coefficient is multiplied by (1 + δ·u) with u uniform in [−1, 1].
 * Initial values are constant on groups. Public for the numeric tests.
 */
public final class PlantedFamily {

    private PlantedFamily() {
    }

    /** The planted partition of k groups of m copies (variable g·m + j). */
    public static Partition planted(int k, int m) {
        int[] labels = new int[k * m];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / m;
        }
        return Partition.fromLabels(labels);
    }

    /** The family member with noise δ; the structure (a, b, q) comes from {@code seed}, the noise from seed + 1. */
    public static OdeSystem model(int k, int m, double delta, long seed) {
        return model(k, m, delta, seed, 0.7);
    }

    /** As {@link #model(int, int, double, long)} with decay rates a_g = 1 + spacing·g + 0.1·u. */
    public static OdeSystem model(int k, int m, double delta, long seed, double spacing) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] a = new double[k];
        double[][] b = new double[k][k];
        double[] q = new double[k];
        for (int g = 0; g < k; g++) {
            a[g] = 1.0 + spacing * g + 0.1 * rnd.nextDouble();
            q[g] = -0.3 + 0.6 * rnd.nextDouble();
            for (int h = 0; h < k; h++) {
                b[g][h] = 0.5 * rnd.nextDouble();
            }
        }
        SplittableRandom noise = new SplittableRandom(seed + 1);
        int n = k * m;
        List<Polynomial> drifts = new ArrayList<>();
        String[] names = new String[n];
        double[] init = new double[n];
        for (int g = 0; g < k; g++) {
            for (int j = 0; j < m; j++) {
                int i = g * m + j;
                names[i] = "x" + g + "_" + j;
                init[i] = 1.0 + 0.5 * g;
                Polynomial.Builder f = Polynomial.builder();
                f.add(Monomial.of(i), -a[g] * (1 + delta * (2 * noise.nextDouble() - 1)));
                for (int h = 0; h < k; h++) {
                    for (int jj = 0; jj < m; jj++) {
                        f.add(Monomial.of(h * m + jj), b[g][h] / m * (1 + delta * (2 * noise.nextDouble() - 1)));
                    }
                }
                int next = (g + 1) % k;
                for (int jj = 0; jj < m; jj++) {
                    f.add(Monomial.ofMultiset(i, next * m + jj), q[g] / m * (1 + delta * (2 * noise.nextDouble() - 1)));
                }
                drifts.add(f.build());
            }
        }
        return OdeSystem.builder("planted").variables(names).initialValues(init).drifts(drifts).build();
    }
}
