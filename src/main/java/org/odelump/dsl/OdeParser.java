package org.odelump.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.model.Provenance;

/**
 * Reads a model written in odelump's DSL, which accepts ERODE's {@code .ode} model syntax unchanged.
 *
 * <p>Parsing runs ANTLR's fast SLL prediction first and falls back to full LL prediction only when SLL fails;
 * sums and products are flat loops, so a model with a million drift terms parses in linear time without deep
 * trees. Every lexical, syntax and semantic problem (and any internal failure) is reported as an
 * {@link InvalidModelException} whose diagnostics read {@code file:line:column: message}; nothing else escapes.
 */
public final class OdeParser {

    private OdeParser() {
    }

    /** Parses a file with the default options. */
    public static ParsedModel parse(Path file) {
        return parse(file, ParseOptions.defaults());
    }

    /** Parses a file. */
    public static ParsedModel parse(Path file, ParseOptions options) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelException(new Diagnostic(file.toString(), 0, 0, Kind.IO,
                    "cannot read the file: " + e.getMessage()));
        }
        return parse(file.toString(), text, options);
    }

    /** Parses text with the default options; {@code fileName} is used in diagnostics. */
    public static ParsedModel parse(String fileName, String text) {
        return parse(fileName, text, ParseOptions.defaults());
    }

    /** Parses text; {@code fileName} is used in diagnostics. */
    public static ParsedModel parse(String fileName, String text, ParseOptions options) {
        String file = fileName == null ? "<input>" : fileName;
        try {
            return doParse(file, text, options == null ? ParseOptions.defaults() : options);
        } catch (InvalidModelException e) {
            throw e;
        } catch (DslError e) {
            throw new InvalidModelException(e.diagnostic());
        } catch (ModelBuilder.CollectedErrors e) {
            throw new InvalidModelException(e.diagnostics);
        } catch (StackOverflowError e) {
            throw new InvalidModelException(new Diagnostic(file, 0, 0, Kind.UNSUPPORTED,
                    "the input is nested too deeply to read"));
        } catch (OutOfMemoryError e) {
            throw new InvalidModelException(new Diagnostic(file, 0, 0, Kind.UNSUPPORTED,
                    "not enough memory to read the model"));
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw new InvalidModelException(new Diagnostic(file, 0, 0, Kind.SEMANTIC,
                    "internal error while reading the model: " + e));
        }
    }

    private static ParsedModel doParse(String file, String text, ParseOptions options) {
        Located loc = new Located(file);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is no token
        OdeLumpLexer lexer = new OdeLumpLexer(CharStreams.fromString(body, file));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        foreignNetworks(tokens, loc);
        lexicalErrors(tokens, loc);

        OdeLumpParser parser = new OdeLumpParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setTrimParseTree(true);
        parser.setErrorHandler(new BailErrorStrategy());
        OdeLumpParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            SyntaxErrors listener = new SyntaxErrors(loc);
            parser.addErrorListener(listener);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            tree = parser.file();
            if (listener.errors().isEmpty()) {
                throw new InvalidModelException(loc.at(null, Kind.SYNTAX, "the input could not be parsed"));
            }
            throw new InvalidModelException(listener.errors());
        }
        List<Diagnostic> warnings = new ArrayList<>();
        OdeSystem system = new ModelBuilder(loc, options, warnings, Provenance.ofText(file, "ode", text)).build(tree);
        return new ParsedModel(system, warnings);
    }

    /** Boolean and multivalued networks have their own syntax; they are refused before any lexical check. */
    private static void foreignNetworks(CommonTokenStream tokens, Located loc) {
        List<Token> all = tokens.getTokens();
        for (int i = 0; i + 1 < all.size(); i++) {
            Token t = all.get(i);
            if (t.getType() != OdeLumpLexer.BEGIN) {
                continue;
            }
            String next = all.get(i + 1).getText();
            if ((next.equals("Boolean") || next.equals("Multivalued"))) {
                throw new InvalidModelException(loc.at(t, Kind.UNSUPPORTED, next + " networks are not supported:"
                        + " odelump reads polynomial ODE models and reaction networks"));
            }
        }
    }

    private static void lexicalErrors(CommonTokenStream tokens, Located loc) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Token t : tokens.getTokens()) {
            if (t.getType() == OdeLumpLexer.UNKNOWN_CHAR) {
                String c = t.getText();
                String msg = c.equals("\"") || c.equals("'") ? "unterminated string (a string ends on its line)"
                        : "unexpected character '" + printable(c) + "'";
                errors.add(loc.at(t, Kind.LEXICAL, msg));
                if (errors.size() >= SyntaxErrors.MAX) {
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidModelException(errors);
        }
    }

    private static String printable(String c) {
        int cp = c.codePointAt(0);
        return cp < 0x20 || cp == 0x7f ? String.format("\\u%04x", cp) : c;
    }

    /** The value of a NUMBER token (infinite when out of range; the converter reports that). */
    static double parseNumber(Token t) {
        return Double.parseDouble(t.getText());
    }
}
