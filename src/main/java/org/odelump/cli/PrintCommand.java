package org.odelump.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.ParametricDrifts;
import org.odelump.io.AtomicFiles;
import org.odelump.model.OdeSystem;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code odelump print FILE}: writes a model as canonical odelump/ERODE DSL text. */
@CommandLine.Command(name = "print", mixinStandardHelpOptions = true,
        header = "Write a model (.ode, .net, SBML) as DSL text, SBML or a BioNetGen network.",
        description = {
            "Writes a model as canonical DSL text (ERODE .ode syntax): parameters, initial values,",
            "reactions or expanded polynomial drifts, partition, views and commands.",
            "--format sbml writes SBML Level 3 Version 2 (species in one compartment of size 1; reactions with",
            "mass-action kinetic laws, or one rate rule per species; views as assignment rules).",
            "--format net writes a BioNetGen .net network (a model given as ODEs as its mass-action",
            "realisation; views as groups). What a format cannot hold is an error (exit 2) that names it.",
            "Without --format, -o OUT.xml / OUT.sbml / OUT.net choose the format; the default is ode.",
            "--keep-parameters (a model given as ODEs) expands the drifts with the parameter names kept (a",
            "parameter in a divisor as a division: G*v1/C); one in a function, an exponent or a divisor that is",
            "no product of parameters is replaced by its value. With --format sbml / net the parameters keep",
            "their names and definitions there too (rate rules, .net rates).",
        },
        footer = {
            "",
            "Examples:",
            "  odelump print model.ode                 canonical form on standard output",
            "  odelump print egfr.net -o egfr.ode      convert a BioNetGen network",
            "  odelump print --format ode BIOMD0000000011.xml -o m.ode   convert an SBML model",
            "  odelump print reduced.ode --format sbml -o reduced.xml     export (a reduced) model to SBML",
            "  odelump print model.ode -o model.net                      export as a BioNetGen network",
            "  odelump print model.ode --keep-parameters                 expanded drifts with parameter names",
            "",
            "Exit codes: 0 ok, 2 invalid input.",
        })
final class PrintCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.ode",
            description = "Write to this file (atomically) instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: by the extension of -o, else ode, the "
                    + "odelump/ERODE DSL).")
    ModelFormat format;

    @Option(names = "--keep-parameters",
            description = "Write expanded drifts with the parameter names instead of their values (DSL, SBML, .net).")
    boolean keepParameters;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OdeSystem m = input.load().system();
        ModelFormat f = ModelFormat.of(format, output);
        OdeSystem written = m;
        if (keepParameters && !m.isReactionNetwork()) {
            ParametricDrifts.Extended e = ParametricDrifts.extend(m);
            written = ParametricDrifts.withParameterNames(m, e);
            e.substituted().forEach((name, why) -> spec.commandLine().getErr().println("note: parameter " + name
                    + " is written as its value in the drifts: " + why));
        }
        String text = f.write(written,
                List.of("Printed by odelump from " + m.provenance().source()), spec.commandLine().getErr(),
                keepParameters ? DslPrinter.Drifts.SOURCES : DslPrinter.Drifts.EXPANDED);
        CliOutput shown = CliOutput.of(spec);
        if (output == null) {
            shown.document().print(text);
        } else {
            AtomicFiles.writeString(output, text);
            spec.commandLine().getOut().println("wrote " + output);
        }
        shown.result("model", CliOutput.fields("name", m.name(), "variables", m.dimension(), "terms", m.termCount(),
                "file", output == null ? null : output.toString()));
        return Main.EXIT_OK;
    }
}
