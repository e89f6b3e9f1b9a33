package org.odelump.io;

import java.nio.file.Path;

/**
 * Entry point for {@link SbmlReaderQuietTest}: reads the SBML files named on the command line in a fresh JVM,
 * the way {@code java -jar odelump.jar} would, and signals success by its exit code only.
 */
public final class SbmlQuietMain {

    private SbmlQuietMain() {
    }

    public static void main(String[] args) {
        int dims = 0;
        for (String a : args) {
            dims += SbmlReader.read(Path.of(a)).system().dimension();
        }
        System.exit(dims > 0 ? 0 : 3);
    }
}
