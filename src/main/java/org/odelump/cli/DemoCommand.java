package org.odelump.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.io.LumpingHeader;
import org.odelump.lumping.LumpingCheck;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.TrajectoryCheck;

/** What {@code odelump} does without arguments: reduces the embedded example by FE and BE and checks both. */
final class DemoCommand implements Callable<Integer> {

    static final String RESOURCE = "default-model.ode";

    private final PrintWriter out;

    DemoCommand(PrintWriter out) {
        this.out = out;
    }

    static String exampleText() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the embedded example " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws Exception {
        String source = "<embedded example " + RESOURCE + ">";
        long tLoad = System.nanoTime();
        OdeSystem m = OdeParser.parse(source, exampleText()).system();
        double loadSeconds = (System.nanoTime() - tLoad) / 1e9;
        out.println("odelump: no model given, so reducing the embedded example (two-site phosphorylation).");
        out.println("Your own model: odelump reduce FILE --method fe|be   (odelump --help lists every command)");
        out.println();
        out.printf("Model '%s': %d variables, %d reactions, %d monomials, max degree %d%n%n", m.name(),
                m.dimension(), m.reactions().size(), m.termCount(), m.maxDegree());
        boolean ok = true;
        LumpedSystem fe = null;
        for (Method method : Method.values()) {
            Prepartition prep = method == Method.FE ? Prepartition.NONE : Prepartition.IC;
            long t0 = System.nanoTime();
            LumpedSystem l = new Reduction(m, method, prep, Tolerance.DEFAULT).compute();
            double seconds = (System.nanoTime() - t0) / 1e9;
            LumpingCheck.Result check = LumpingCheck.ofDefaults(l).compute();
            ReductionSummary.print(out, "example", l, 20, loadSeconds, seconds, check);
            TrajectoryCheck.Result traj = new TrajectoryCheck(l, Simulator.grid(10.0, 100),
                    Simulator.Options.DEFAULT, 1e-6).compute();
            out.printf("  simulated  original and reduced to t = 10: %s (max deviation %.1e)%n%n",
                    traj.passed() ? "they agree" : "THEY DIFFER", traj.maxDeviation());
            ok &= check.passed() && traj.passed();
            if (method == Method.FE) {
                fe = l;
            }
        }
        out.println("The FE-reduced model, as odelump/ERODE text (odelump reduce FILE --method fe -o OUT.ode):");
        out.println();
        out.print(DslPrinter.print(fe.reduced(), LumpingHeader.lines(fe)));
        return ok ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }

}
