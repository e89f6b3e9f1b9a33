package org.odelump.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.odelump.model.Command;
import org.odelump.model.Diagnostic;
import org.odelump.model.OdeSystem;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** {@code odelump check FILE}: reads a model, reports every problem, and summarises it. */
@CommandLine.Command(name = "check", mixinStandardHelpOptions = true,
        header = "Summarise a model, or report every problem in it as file:line:column.",
        description = {
            "Reads a model and reports its size, or every problem in it as file:line:column: message.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump check ode-specs/lotka_volterra.ode",
            "  odelump check network.net",
            "  odelump check --undeclared-as-constants clue_model.ode",
            "",
            "Exit codes: 0 the model is valid (warnings may be printed), 2 it is not.",
        })
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelLoader.Loaded loaded = input.load();
        PrintWriter out = spec.commandLine().getOut();
        List<Diagnostic> warnings = new ArrayList<>(loaded.warnings());
        if (loaded.format() == ModelLoader.Format.ODE) {
            for (RunPlan.Step s : RunPlan.of(loaded.system(), input.file)) {
                warnings.addAll(s.warnings());
            }
        }
        OdeSystem m = loaded.system();
        out.println(input.file + ": model '" + m.name() + "' ("
                + (m.isReactionNetwork() ? "reaction network" : "ODE system") + ")");
        print(out, "variables", m.dimension());
        print(out, "parameters", m.parameters().size());
        print(out, "reactions", m.reactions().size());
        out.printf("  %-11s %d (max degree %d)%n", "monomials", m.termCount(), Math.max(0, m.maxDegree()));
        if (!m.partitionBlocks().isEmpty()) {
            out.printf("  %-11s %d listed blocks, %d blocks in all%n", "partition", m.partitionBlocks().size(),
                    m.userPartition().size());
        }
        if (!m.views().isEmpty()) {
            print(out, "views", m.views().size());
        }
        if (!m.commands().isEmpty()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Command c : m.commands()) {
                counts.merge(c.name(), 1, Integer::sum);
            }
            out.printf("  %-11s %d %s%n", "commands", m.commands().size(), counts.keySet());
            if (loaded.format() == ModelLoader.Format.ODE) {
                // what 'odelump run' would do with each; its warnings are among the ones listed below
                for (RunPlan.Step s : RunPlan.of(m, input.file)) {
                    out.println("    " + s.describe());
                }
            }
        }
        CliOutput output = CliOutput.of(spec);
        java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("name", m.name());
        model.put("reactionNetwork", m.isReactionNetwork());
        model.put("variables", m.dimension());
        model.put("parameters", m.parameters().size());
        model.put("reactions", m.reactions().size());
        model.put("monomials", m.termCount());
        model.put("views", m.views().size());
        model.put("commands", m.commands().stream().map(Command::name).toList());
        output.result("model", model);
        if (warnings.isEmpty()) {
            out.println("no warnings");
        } else {
            // all are counted (and listed by --json); the first ones are shown, as on every command
            out.println(warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s") + ":");
            for (int k = 0; k < warnings.size(); k++) {
                output.record(warnings.get(k).toString());
                if (k < CliOutput.SHOWN_WARNINGS) {
                    out.println("  " + warnings.get(k));
                }
            }
            if (warnings.size() > CliOutput.SHOWN_WARNINGS) {
                out.println("  ... and " + (warnings.size() - CliOutput.SHOWN_WARNINGS)
                        + " more (--json lists them all)");
            }
        }
        return Main.EXIT_OK;
    }

    private static void print(PrintWriter out, String what, long n) {
        out.printf("  %-11s %d%n", what, n);
    }
}
