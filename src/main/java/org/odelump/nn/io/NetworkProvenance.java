package org.odelump.nn.io;

import java.util.Objects;

/**
 * Where a stored network came from.
 *
 * @param tool    the program that wrote it, e.g. {@code odelump 0.1.0} or {@code pytorch 2.5}; never null
 * @param created ISO-8601 instant of writing, e.g. {@code 2026-11-25T08:00:00Z}, or empty when unknown
 * @param source  what it was made from (training data, the original network, a command line), or empty
 */
public record NetworkProvenance(String tool, String created, String source) {
    public NetworkProvenance {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(source, "source");
    }

    /** Nothing known. */
    public static NetworkProvenance unknown() {
        return new NetworkProvenance("", "", "");
    }
}
