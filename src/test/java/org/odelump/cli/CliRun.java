package org.odelump.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in-process, as a user would see it: exit code, standard output and error. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
