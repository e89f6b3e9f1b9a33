package org.odelump.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.odelump.dsl.DslPrinter;
import org.odelump.io.AtomicFiles;
import org.odelump.model.OdeSystem;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code odelump print FILE}: writes a model as canonical odelump/ERODE DSL text. */
@CommandLine.Command(name = "print", mixinStandardHelpOptions = true,
        header = "Write a model (.ode, .net, SBML) as canonical odelump/ERODE DSL text.",
        description = {
            "Writes a model as canonical DSL text (ERODE .ode syntax): parameters, initial values,",
            "reactions or expanded polynomial drifts, partition, views and commands.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump print model.ode                 canonical form on standard output",
            "  odelump print egfr.net -o egfr.ode      convert a BioNetGen network",
            "  odelump print --format ode BIOMD0000000011.xml -o m.ode   convert an SBML model",
            "",
            "Exit codes: 0 ok, 2 invalid input.",
        })
final class PrintCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.ode",
            description = "Write to this file (atomically) instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ode",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, the odelump/ERODE DSL).")
    OutputFormat format;

    /** Output formats. */
    enum OutputFormat {
        ode
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OdeSystem m = input.load().system();
        String text = DslPrinter.print(m, List.of("Printed by odelump from " + m.provenance().source()));
        if (output == null) {
            spec.commandLine().getOut().print(text);
        } else {
            AtomicFiles.writeString(output, text);
            spec.commandLine().getOut().println("wrote " + output);
        }
        return Main.EXIT_OK;
    }
}
