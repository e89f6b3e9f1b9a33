package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.odelump.dsl.DslPrinter;
import org.odelump.io.ExportException;
import org.odelump.io.NetWriter;
import org.odelump.io.SbmlWriter;
import org.odelump.model.OdeSystem;

/** The formats a model can be written in; SBML's writer (and JSBML) is loaded only when SBML is written. */
enum ModelFormat {
    /** The odelump/ERODE DSL. */
    ode,
    /** SBML Level 3 Version 2 core. */
    sbml,
    /** BioNetGen {@code .net}. */
    net;

    /** The explicit format, else the one the output file's extension names ({@code .xml}/{@code .sbml}, {@code .net}), else ode. */
    static ModelFormat of(ModelFormat explicit, Path output) {
        if (explicit != null) {
            return explicit;
        }
        String name = output == null || output.getFileName() == null ? ""
                : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml") || name.endsWith(".sbml")) {
            return sbml;
        }
        return name.endsWith(".net") ? net : ode;
    }

    /**
     * The model as text in this format; {@code header} lines become comments where the format has them (DSL).
     * What the format cannot hold is a usage error (exit 2) that names it; notes go to {@code err}.
     */
    String write(OdeSystem m, List<String> header, PrintWriter err) {
        return write(m, header, err, DslPrinter.Drifts.EXPANDED);
    }

    /**
     * As {@link #write(OdeSystem, List, PrintWriter)}, drifts written as {@code drifts} says: with
     * {@link DslPrinter.Drifts#SOURCES} SBML and .net keep parameter names and definitions too.
     */
    String write(OdeSystem m, List<String> header, PrintWriter err, DslPrinter.Drifts drifts) {
        try {
            switch (this) {
                case sbml: {
                    SbmlWriter.Result r = SbmlWriter.write(m, drifts == DslPrinter.Drifts.SOURCES);
                    for (String note : r.notes()) {
                        err.println("note: " + note);
                    }
                    return r.text();
                }
                case net:
                    return NetWriter.write(m, drifts == DslPrinter.Drifts.SOURCES);
                default:
                    return DslPrinter.print(m, header, drifts);
            }
        } catch (ExportException e) {
            throw new Main.UsageException("cannot write model " + m.name() + " as " + this + ": " + e.getMessage());
        }
    }
}
