package org.odelump.testutil;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.odelump.model.Polynomial;

/**
 * Compares two lists of polynomials (drifts, views) over the same variables at random positive points, relative to the sum of the
 * absolute values of each polynomial's terms there (so cancellation noise and rounding of written numbers pass,
 * a wrong coefficient does not).
 */
public final class SameDrifts {

    private SameDrifts() {
    }

    /** A description of every drift that differs at one of {@code points} random points; empty when all agree. */
    public static List<String> differences(List<Polynomial> a, List<Polynomial> b, List<String> names, int points,
                                           long seed, double tol) {
        List<String> out = new ArrayList<>();
        if (a.size() != b.size()) {
            out.add("dimension " + a.size() + " vs " + b.size());
            return out;
        }
        int dimension = a.size();
        for (List<Polynomial> ps : List.of(a, b)) {
            for (Polynomial p : ps) {
                for (int t = 0; t < p.size(); t++) {
                    dimension = Math.max(dimension, p.monomial(t).maxVar() + 1);
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < points; k++) {
            double[] x = new double[dimension];
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.1 + rnd.nextDouble();
            }
            for (int i = 0; i < a.size(); i++) {
                double fa = a.get(i).evaluate(x);
                double fb = b.get(i).evaluate(x);
                double scale = Math.max(LumpingDefinitions.absEval(a.get(i), x), LumpingDefinitions.absEval(b.get(i), x));
                if (!(Math.abs(fa - fb) <= tol * scale)) {
                    out.add("d(" + names.get(i) + "): " + fa + " vs " + fb);
                }
            }
        }
        return out;
    }
}
