package org.odelump.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * What every command prints, shaped by the global {@code --quiet} and {@code --json} options, implemented once for
 * all commands. Commands write to picocli's out and err as usual; this object sits behind both:
 *
 * <ul>
 *   <li>warnings (error-stream lines starting {@code warning: }, or {@link #warning}) are counted; the first
 *       {@value #SHOWN_WARNINGS} are shown and a summary line gives the total;</li>
 *   <li>notes (error-stream lines starting {@code note: }) are information, neither warnings nor errors;</li>
 *   <li>{@code --quiet} drops the normal output, the warnings and the notes, and keeps errors and the warning
 *       count;</li>
 *   <li>{@code --json} prints one JSON object instead of the normal output: command, exit code, the output lines,
 *       every warning, the notes, the error lines, and the structured results a command adds with
 *       {@link #result}.</li>
 *   <li>progress of long work ({@link #progress}, {@link #progressBar}) is shown only in normal mode: with
 *       {@code --quiet} nothing, and with {@code --json} nothing either, so that standard output holds one JSON
 *       object and the error stream only errors, whether or not it is a terminal.</li>
 * </ul>
 */
final class CliOutput {

    /** Warnings shown in full; the rest are counted. */
    static final int SHOWN_WARNINGS = 10;

    private static final String WARNING = "warning: ";
    private static final String NOTE = "note: ";

    /** Output modes. */
    enum Mode {
        NORMAL, QUIET, JSON
    }

    private final Mode mode;
    private final PrintWriter realOut;
    private final PrintWriter realErr;
    private final StringWriter captured = new StringWriter();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean listed;

    CliOutput(Mode mode, PrintWriter realOut, PrintWriter realErr) {
        this.mode = mode;
        this.realOut = realOut;
        this.realErr = realErr;
        this.out = switch (mode) {
            case NORMAL -> realOut;
            case QUIET -> new PrintWriter(Writer.nullWriter());
            case JSON -> new PrintWriter(captured, true);
        };
        this.err = new PrintWriter(new LineFilter(), true);
    }

    /** The shared output of the running command line (a NORMAL one when none was set up, e.g. in unit tests). */
    static CliOutput of(CommandLine.Model.CommandSpec spec) {
        Object root = spec.root().userObject();
        if (root instanceof Main m && m.output != null) {
            return m.output;
        }
        return new CliOutput(Mode.NORMAL, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Mode mode() {
        return mode;
    }

    /**
     * The stream for what a command exists to print (a model or a table when no {@code -o} is given): standard
     * output, also with {@code --quiet}; with {@code --json} it becomes output lines of the JSON object.
     */
    PrintWriter document() {
        return mode == Mode.QUIET ? realOut : out;
    }

    /** Progress lines of long work: the error stream in normal mode, nowhere with --quiet or --json. */
    PrintWriter progress() {
        return mode == Mode.NORMAL ? err : new PrintWriter(Writer.nullWriter());
    }

    /** Whether long work may draw a progress bar (on the process's error stream): normal mode on a terminal. */
    boolean progressBar() {
        return mode == Mode.NORMAL && System.console() != null;
    }

    /** Reports a warning (the same as printing {@code warning: TEXT} to the error stream). */
    void warning(String text) {
        warnings.add(text);
        if (mode == Mode.NORMAL && warnings.size() <= SHOWN_WARNINGS) {
            realErr.println(WARNING + text);
        }
    }

    /** Counts a warning that the command lists itself (check): only --json and the counts see it. */
    void record(String text) {
        warnings.add(text);
        listed = true;
    }

    /** Adds a structured result to the JSON output (ignored otherwise). */
    void result(String key, Object value) {
        results.put(key, value);
    }

    /** Adds a structured result given as JSON text, e.g. the report a command also writes to a file. */
    void resultJson(String key, String json) {
        try {
            results.put(key, new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered JSON object from alternating keys and values (values may be null), for {@link #result}. */
    static Map<String, Object> fields(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Number of warnings so far. */
    int warningCount() {
        return warnings.size();
    }

    /** Ends the command: the warning summary, or the JSON document. */
    void finish(String command, int exitCode) {
        out.flush();
        err.flush();
        if (mode == Mode.JSON) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("command", command);
            root.put("exitCode", exitCode);
            root.putAll(results);
            root.put("output", captured.toString().lines().toList());
            root.put("warningCount", warnings.size());
            root.put("warnings", warnings);
            root.put("notes", notes);
            root.put("errors", errors);
            try {
                realOut.print(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
                realOut.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (mode == Mode.QUIET && !warnings.isEmpty()) {
            realErr.println("odelump: " + count(warnings.size()) + " (not shown with --quiet; --json lists them)");
        } else if (mode == Mode.NORMAL && warnings.size() > SHOWN_WARNINGS && !listed) {
            realErr.println("odelump: " + count(warnings.size()) + " in all, the first " + SHOWN_WARNINGS
                    + " shown (--json lists them all)");
        }
        realOut.flush();
        realErr.flush();
    }

    private static String count(int n) {
        return n + " warning" + (n == 1 ? "" : "s");
    }

    /** The error stream: splits lines, counts warnings, passes errors (and in JSON mode records them). */
    private final class LineFilter extends Writer {
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = cbuf[i];
                if (c == '\n') {
                    complete();
                } else if (c != '\r' || line.length() > 0) {
                    line.append(c);
                }
            }
        }

        private void complete() {
            String text = line.toString();
            line.setLength(0);
            if (text.startsWith(WARNING)) {
                warning(text.substring(WARNING.length()));
                return;
            }
            if (text.startsWith(NOTE)) {
                if (mode == Mode.JSON) {
                    notes.add(text.substring(NOTE.length()));
                } else if (mode == Mode.NORMAL) {
                    realErr.println(text);
                }
                return;
            }
            if (mode == Mode.JSON) {
                errors.add(text);
            }
            realErr.println(text);
        }

        @Override
        public void flush() {
            // a partial line that cannot become a warning or a note is passed on (prompts, progress)
            if (line.length() > 0 && !mayBecome(WARNING) && !mayBecome(NOTE)) {
                realErr.print(line);
                if (mode == Mode.JSON) {
                    errors.add(line.toString());
                }
                line.setLength(0);
            }
            realErr.flush();
        }

        private boolean mayBecome(String prefix) {
            String text = line.toString();
            return prefix.startsWith(text) || text.startsWith(prefix);
        }

        @Override
        public void close() {
            flush();
        }
    }
}
