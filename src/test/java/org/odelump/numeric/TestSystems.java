package org.odelump.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

/** Small polynomial test problems built with {@link OdeSystem#builder}. */
final class TestSystems {

    private TestSystems() {
    }

    static Polynomial term(double c, int... varsWithRepetition) {
        return Polynomial.term(c, Monomial.ofMultiset(varsWithRepetition));
    }

    static Polynomial sum(Polynomial... ps) {
        Polynomial.Builder b = Polynomial.builder();
        for (Polynomial p : ps) {
            b.add(p);
        }
        return b.build();
    }

    /**
     * Robertson's chemical kinetics problem (H. H. Robertson 1966; HW II §IV.1):
     * y1' = −0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 − 1e4 y2 y3 − 3e7 y2², y3' = 3e7 y2², y(0) = (1, 0, 0).
     */
    static OdeSystem robertson() {
        return OdeSystem.builder("robertson").variables("y1", "y2", "y3")
                .initialValues(new double[] {1, 0, 0})
                .drifts(List.of(
                        sum(term(-0.04, 0), term(1e4, 1, 2)),
                        sum(term(0.04, 0), term(-1e4, 1, 2), term(-3e7, 1, 1)),
                        term(3e7, 1, 1)))
                .build();
    }

    /**
     * Van der Pol in the scaled form of the IVP test set (problem VDPOL): y1' = y2,
     * y2' = ((1 − y1²) y2 − y1)/ε, y(0) = (2, 0), with ε = 1e-6, i.e. μ = 1000 after the time scaling
     * τ = t/μ of x'' − μ(1 − x²)x' + x = 0.
     */
    static OdeSystem vanDerPolScaled(double eps) {
        return OdeSystem.builder("vdpol").variables("y1", "y2")
                .initialValues(new double[] {2, 0})
                .drifts(List.of(
                        term(1, 1),
                        sum(term(1 / eps, 1), term(-1 / eps, 0, 0, 1), term(-1 / eps, 0))))
                .build();
    }

    /**
     * Van der Pol in its classical unscaled form x'' = μ(1 − x²)x' − x: y1' = y2, y2' = μ(1 − y1²)y2 − y1,
     * y(0) = (2, 0). With τ = t/μ it becomes {@link #vanDerPolScaled} with ε = 1/μ², so y1(μτ) equals the scaled
     * y1(τ) and y2(μτ) equals the scaled y2(τ)/μ.
     */
    static OdeSystem vanDerPolClassical(double mu) {
        return OdeSystem.builder("vdp").variables("y1", "y2")
                .initialValues(new double[] {2, 0})
                .drifts(List.of(
                        term(1, 1),
                        sum(term(mu, 1), term(-mu, 0, 0, 1), term(-1, 0))))
                .build();
    }

    /** Lotka–Volterra: x' = 1.5x − xy, y' = −3y + xy, (x, y)(0) = (10, 5). */
    static OdeSystem lotkaVolterra() {
        return OdeSystem.builder("lv").variables("x", "y")
                .initialValues(new double[] {10, 5})
                .drifts(List.of(
                        sum(term(1.5, 0), term(-1, 0, 1)),
                        sum(term(-3, 1), term(1, 0, 1))))
                .build();
    }

    /** A linear chain x0 → x1 → … → x_{n−1} with rates 1, 2, …, and x0(0) = 1. */
    static OdeSystem linearChain(int n) {
        OdeSystem.Builder b = OdeSystem.builder("chain");
        Polynomial[] f = new Polynomial[n];
        double[] y0 = new double[n];
        y0[0] = 1;
        for (int i = 0; i < n; i++) {
            b.variables("x" + i);
            Polynomial in = i == 0 ? Polynomial.ZERO : term(i, i - 1);
            Polynomial out = i == n - 1 ? Polynomial.ZERO : term(-(i + 1), i);
            f[i] = sum(in, out);
        }
        return b.initialValues(y0).drifts(List.of(f)).build();
    }

    /**
     * A random mass-action network: {@code reactions} reactions over {@code species} species, each either
     * A → B, A + B → C or A → B + C with equal probability, species drawn uniformly, rate constants
     * 10^U(−3, 3); all species start at 1. Deterministic for a given seed.
     */
    static OdeSystem synthetic(int species, int reactions, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Polynomial> drifts;
        Polynomial.Builder[] acc = new Polynomial.Builder[species];
        for (int i = 0; i < species; i++) {
            acc[i] = Polynomial.builder();
        }
        for (int r = 0; r < reactions; r++) {
            double k = Math.pow(10, rnd.nextDouble(-3, 3));
            int kind = rnd.nextInt(3);
            int a = rnd.nextInt(species);
            int b = rnd.nextInt(species);
            int c = rnd.nextInt(species);
            int[] reag = kind == 1 ? new int[] {a, b} : new int[] {a};
            int[] prod = kind == 0 ? new int[] {b} : (kind == 1 ? new int[] {c} : new int[] {b, c});
            Polynomial rate = Polynomial.term(k, Monomial.ofMultiset(reag));
            for (int x : reag) {
                acc[x].add(rate, -1);
            }
            for (int x : prod) {
                acc[x].add(rate, 1);
            }
        }
        drifts = new ArrayList<>();
        for (Polynomial.Builder b : acc) {
            drifts.add(b.build());
        }
        OdeSystem.Builder b = OdeSystem.builder("synthetic");
        double[] y0 = new double[species];
        for (int i = 0; i < species; i++) {
            b.variables("s" + i);
            y0[i] = 1;
        }
        return b.initialValues(y0).drifts(drifts).build();
    }
}
