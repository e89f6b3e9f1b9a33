package org.odelump.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A command written in a model file, such as ERODE's {@code reduceFE(prePartition=USER, reducedFile="m.ode")}.
 * Kept so that later features can run it; option values are the text as written (strings without quotes).
 *
 * @param name    command name, e.g. {@code reduceFE}
 * @param options option name to value text, in written order
 * @param line    1-based source line (0 when generated); not part of equality
 * @param column  1-based source column of the command name (0 when generated); not part of equality
 */
public record Command(String name, Map<String, String> options, int line, int column) {
    public Command {
        Objects.requireNonNull(name, "name");
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A command whose column is unknown. */
    public Command(String name, Map<String, String> options, int line) {
        this(name, options, line, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && name.equals(c.name) && options.equals(c.options);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + options.hashCode();
    }
}
