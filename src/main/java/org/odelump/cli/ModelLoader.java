package org.odelump.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.odelump.dsl.OdeParser;
import org.odelump.dsl.ParseOptions;
import org.odelump.dsl.ParsedModel;
import org.odelump.io.BngNetReader;
import org.odelump.io.ImportedModel;
import org.odelump.io.SbmlReader;
import org.odelump.model.Diagnostic;
import org.odelump.model.OdeSystem;

/** Reads a model file in any supported format, chosen by extension or by {@code --format}. */
final class ModelLoader {

    /** Input formats. */
    enum Format {
        AUTO, ODE, NET, SBML
    }

    /** A loaded model with the warnings its reader produced. */
    record Loaded(OdeSystem system, List<Diagnostic> warnings, Format format) {
    }

    private ModelLoader() {
    }

    static Loaded load(Path file, Format format, boolean undeclaredAsConstants) throws IOException {
        Loaded read = ModelPrefetch.take(file, format, undeclaredAsConstants);
        if (read != null) {
            return read;
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Format f = format == Format.AUTO ? detect(file) : format;
        if (f == Format.NET || f == Format.SBML) {
            ImportedModel m = f == Format.NET ? BngNetReader.read(file) : SbmlReader.read(file);
            return new Loaded(m.system(), m.warnings(), f);
        }
        ParsedModel m = OdeParser.parse(file, new ParseOptions(undeclaredAsConstants));
        return new Loaded(m.system(), m.warnings(), Format.ODE);
    }

    static Format detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".net")) {
            return Format.NET;
        }
        return name.endsWith(".xml") || name.endsWith(".sbml") ? Format.SBML : Format.ODE;
    }
}
