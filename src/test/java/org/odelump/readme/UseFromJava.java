package org.odelump.readme;

import java.io.PrintStream;
import java.nio.file.Path;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.io.LumpingHeader;
import org.odelump.lumping.LumpingCheck;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;

/** The README's "Use it from Java" example; {@code ReadmeExampleTest} checks the README quotes it verbatim. */
final class UseFromJava {

    private UseFromJava() {
    }

    static void run(PrintStream out) {
        // README example start
        OdeSystem model = OdeParser.parse(Path.of("ode-specs/multisite2.ode")).system();
        LumpedSystem fe = new Reduction(model, LumpedSystem.Method.FE, Prepartition.USER, Tolerance.DEFAULT)
                .compute();
        out.println(model.dimension() + " -> " + fe.partition().size() + " variables, self-check "
                + (LumpingCheck.ofDefaults(fe).compute().passed() ? "ok" : "FAILED"));
        out.print(DslPrinter.print(fe.reduced(), LumpingHeader.lines(fe)));
        // README example end
    }
}
