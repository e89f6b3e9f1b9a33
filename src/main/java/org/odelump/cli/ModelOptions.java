package org.odelump.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input-file options shared by every command that reads a model. */
final class ModelOptions {

    @Parameters(index = "0", paramLabel = "FILE",
            description = "Model file: odelump/ERODE .ode (ODE or reactions), BioNetGen .net, or SBML .xml/.sbml.")
    Path file;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "AUTO",
            description = "Input format: ${COMPLETION-CANDIDATES} (default: by extension: .net is BioNetGen, "
                    + ".xml and .sbml are SBML, anything else odelump/ERODE).")
    ModelLoader.Format format;

    @Option(names = "--undeclared-as-constants",
            description = "Treat identifiers that are declared nowhere as constant variables (d/dt = 0, "
                    + "initial value 0), as CLUE does, instead of reporting them as errors.")
    boolean undeclaredAsConstants;

    ModelLoader.Loaded load() throws java.io.IOException {
        return ModelLoader.load(file, format, undeclaredAsConstants);
    }
}
