package org.odelump.numeric;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.odelump.io.BngNetReader;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;

/**
 * Runnable benchmark of {@link RosenbrockIntegrator} (not a unit test).
 *
 * <pre>
 *   java ... org.odelump.numeric.StiffBenchmark model.net tEnd [rtol atol]
 *   java ... org.odelump.numeric.StiffBenchmark --synthetic species reactions tEnd [seed]
 * </pre>
 *
 * With {@code --auto} it also runs {@link IntegratorChoice} in AUTO mode and prints its choice and reason.
 * With {@code --check} it integrates again at tolerances 1000× tighter and prints the largest deviation in
 * units of the requested tolerance. Prints set-up time (import, compilation of drift and Jacobian, ordering), integration time, steps, drift
 * and Jacobian evaluations and LU factorisations. The synthetic network is a random mass-action network with
 * uni- and bimolecular reactions (rates spread over six decades, so it is stiff), documented in
 * {@link #synthetic}.
 */
public final class StiffBenchmark {

    private StiffBenchmark() {
    }

    public static void main(String[] rawArgs) {
        RosenbrockIntegrator.LinearAlgebra linear = RosenbrockIntegrator.LinearAlgebra.AUTO;
        boolean check = false;
        boolean auto = false;
        List<String> rest = new ArrayList<>();
        for (String a : rawArgs) {
            if (a.equals("--auto")) {
                auto = true;
            } else if (a.equals("--check")) {
                check = true;
            } else if (a.startsWith("--linear=")) {
                linear = RosenbrockIntegrator.LinearAlgebra.valueOf(a.substring(9).toUpperCase(Locale.ROOT));
            } else {
                rest.add(a);
            }
        }
        String[] args = rest.toArray(new String[0]);
        OdeSystem system;
        double tEnd;
        double rtol = 1e-6;
        double atol = 1e-9;
        long t0 = System.nanoTime();
        String what;
        if (args.length >= 4 && args[0].equals("--synthetic")) {
            int species = Integer.parseInt(args[1]);
            int reactions = Integer.parseInt(args[2]);
            tEnd = Double.parseDouble(args[3]);
            long seed = args.length > 4 ? Long.parseLong(args[4]) : 1L;
            system = synthetic(species, reactions, seed);
            what = "synthetic(" + species + " species, " + reactions + " reactions, seed " + seed + ")";
        } else if (args.length >= 2) {
            system = BngNetReader.read(Path.of(args[0])).system();
            tEnd = Double.parseDouble(args[1]);
            if (args.length >= 4) {
                rtol = Double.parseDouble(args[2]);
                atol = Double.parseDouble(args[3]);
            }
            what = args[0];
        } else {
            System.err.println("usage: StiffBenchmark [--auto] [--check] [--linear=auto|direct|iterative] model.net tEnd [rtol atol] | --synthetic n m tEnd [seed]");
            return;
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        PolynomialOde ode = new PolynomialOde(system);
        SparseJacobian jac = ode.jacobian();
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        RosenbrockIntegrator integrator = new RosenbrockIntegrator(rtol, atol);
        integrator.setLinearAlgebra(linear);
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0, system.initialValues()), tEnd);
        long t3 = System.nanoTime();
        long c3 = mx.getCurrentThreadCpuTime();
        RosenbrockIntegrator.Statistics s = integrator.statistics();
        double sum = 0;
        for (double v : end.getPrimaryState()) {
            sum += v;
        }
        System.out.printf(Locale.ROOT, "model %s: %d species, %d drift terms, Jacobian nnz %d%n", what,
                system.dimension(), system.termCount(), jac.nonZeros());
        System.out.printf(Locale.ROOT, "t_end %g, rtol %g, atol %g%n", tEnd, rtol, atol);
        System.out.printf(Locale.ROOT, "load %.3f s, compile drift+Jacobian %.3f s, integrate %.3f s%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        System.out.printf(Locale.ROOT, "CPU time of the main thread: compile %.3f s, integrate %.3f s "
                + "(wall time is inflated when the machine is oversubscribed)%n", (c2 - c1) / 1e9, (c3 - c2) / 1e9);
        System.out.printf(Locale.ROOT, "steps %d accepted, %d rejected; drift evals %d; Jacobian evals %d; LU %d%n",
                s.acceptedSteps(), s.rejectedSteps(), s.driftEvaluations(), s.jacobianEvaluations(),
                s.factorizations());
        System.out.printf(Locale.ROOT, "stage solver %s, GMRES iterations %d%n", s.linearSolver(),
                s.gmresIterations());
        System.out.printf(Locale.ROOT, "sum of final state %.10g%n", sum);
        if (auto) {
            long c4 = mx.getCurrentThreadCpuTime();
            IntegratorChoice.Result r = new IntegratorChoice(IntegratorChoice.Mode.AUTO, rtol, atol)
                    .integrate(system, 0, system.initialValues(), tEnd, List.of());
            System.out.printf(Locale.ROOT, "AUTO: %s in %.3f s CPU, %d evaluations (%d explicit): %s%n",
                    r.method().label(), (mx.getCurrentThreadCpuTime() - c4) / 1e9, r.evaluations(),
                    r.explicitEvaluations(), r.reason());
        }
        if (check) {
            RosenbrockIntegrator tight = new RosenbrockIntegrator(rtol / 1000, atol / 1000);
            tight.setLinearAlgebra(linear);
            double[] ref = tight.integrate(ode, new ODEState(0, system.initialValues()), tEnd).getPrimaryState();
            double[] y = end.getPrimaryState();
            double worst = 0;
            for (int i = 0; i < y.length; i++) {
                worst = Math.max(worst, Math.abs(y[i] - ref[i]) / (atol + rtol * Math.abs(ref[i])));
            }
            System.out.printf(Locale.ROOT, "check against rtol/1000, atol/1000 (%d steps): max |y - yref|/(atol + "
                    + "rtol|yref|) = %.3g%n", tight.statistics().acceptedSteps(), worst);
        }
    }

    /**
     * A random mass-action network: {@code reactions} reactions over {@code species} species, each either
     * A → B, A + B → C or A → B + C with equal probability, species drawn uniformly, rate constants
     * 10^U(−3, 3); all species start at 1. Deterministic for a given seed.
     */
    static OdeSystem synthetic(int species, int reactions, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Reaction> rs = new ArrayList<>();
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
