package org.odelump.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.model.Provenance;
import org.sbml.jsbml.SBMLDocument;

/**
 * Reads an SBML Level 2 or 3 file (core only) with JSBML into a polynomial {@link org.odelump.model.OdeSystem}.
 * This is the only place in odelump that touches JSBML.
 *
 * <h2>What the variables are</h2>
 * One variable per species that is not defined by an assignment rule, in document order, followed by one
 * variable per parameter that has a rate rule. A species with a rate rule (allowed when no reaction changes it)
 * takes the rule as its drift. A species variable is the quantity its symbol denotes in SBML
 * math: its <b>concentration</b> (amount / compartment size) when {@code hasOnlySubstanceUnits} is false (the
 * default), its <b>amount</b> when it is true. Kinetic laws are rates of change of amount (substance per time),
 * so a reaction with rate v and net stoichiometry n for a species s in compartment c contributes
 * {@code n·v / size(c)} to the drift of a concentration variable and {@code n·v} to an amount variable
 * (SBML Level 3 Version 1 Core specification: §4.6 for what a species symbol denotes, §4.11.7 for the units
 * of a kinetic law). Compartments must have a
 * constant size. Initial values are converted between amount and concentration when the file gives the other
 * one. Boundary-condition and constant species are variables with zero drift (reactions do not change them).
 * Variable names are the SBML ids; the SBML {@code name} becomes {@link org.odelump.model.Variable#displayName}.
 *
 * <h2>What is substituted</h2>
 * Global and local (kinetic-law) parameters and compartment sizes become numbers; initial assignments are
 * evaluated (they must be constant); assignment rules for parameters (and species) are substituted by their
 * expression wherever they are used, and each also becomes a {@link org.odelump.model.View} of the same name
 * (or, when it is not polynomial in the variables, a warning that names it); function definitions are inlined. After that a kinetic law must be a
 * polynomial in the variables: it is built directly from JSBML's MathML tree (numbers, names, + − × ÷, powers
 * with constant non-negative integer exponents, elementary functions of constants, function calls).
 *
 * <h2>What is rejected</h2>
 * With an {@link InvalidModelException} whose diagnostics name the reaction or rule and the offending
 * sub-expression ({@code file:line:column} of the element, located in the file text because JSBML keeps no line
 * numbers): divisions by expressions in the species (Michaelis–Menten, Hill), non-integer powers of species,
 * functions of species ({@link Diagnostic.Kind#NOT_POLYNOMIAL}); events, algebraic rules, rate rules on species that
 * reactions also change,
 * rules on compartments, delays, piecewise, the time symbol, fast reactions, {@code stoichiometryMath},
 * species references used as variables, conversion factors, Level 3 packages marked {@code required="true"}
 * ({@link Diagnostic.Kind#UNSUPPORTED}); SBML Level 1. Packages that are not required (layout, render, ...)
 * are ignored, as are constraints (with a warning).
 *
 * <p>Log4j (JSBML logs through it) is configured by {@code log4j2.component.properties} and
 * {@code log4j2.simplelog.properties} on the class path to print nothing; reading never writes to the console.
 */
public final class SbmlReader {

    static {
        // Before JSBML first touches Log4j: no back-end lookup, no status lines (also set by the properties files).
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    /** A package that the model declares it cannot be understood without, e.g. {@code comp:required="true"}. */
    private static final Pattern REQUIRED_PACKAGE = Pattern.compile("\\b([A-Za-z][\\w-]*):required\\s*=\\s*[\"']true[\"']");

    private SbmlReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws InvalidModelException with every problem found (kind IO when the file cannot be read, SYNTAX for
     *                               malformed XML, UNSUPPORTED / NOT_POLYNOMIAL / SEMANTIC for the model)
     */
    public static ImportedModel read(Path file) {
        return read(file, false).model();
    }

    /**
     * A model read with its drifts also written as expressions that name parameters.
     *
     * @param model    the model; {@link OdeSystem#driftSources()} name the parameters that stay symbols
     * @param numbered parameters written as numbers in those expressions, with the reason
     */
    public record ParameterSources(ImportedModel model, Map<String, String> numbered) {
        public ParameterSources {
            numbered = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbered));
        }
    }

    /**
     * Reads {@code file} as {@link #read}, and also writes each drift as an expression in which the model's
     * constant parameters keep their names ({@link OdeSystem#driftSources()}), for reduced models whose drifts keep
     * parameter names. Compartment sizes, parameters tied to others by initial assignments and the parameters of a
     * kinetic law or rate rule that is not polynomial with them as symbols (a parameter in a divisor or a function)
     * stay numbers, named in {@link ParameterSources#numbered()}. Slower than {@link #read}: every rate is
     * converted twice.
     */
    public static ParameterSources readWithParameterSources(Path file) {
        return read(file, true);
    }

    private static ParameterSources read(Path file, boolean parameterSources) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidModelException(new Diagnostic(name, 0, 0, Diagnostic.Kind.IO,
                    "cannot read file: " + e.getMessage()));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        SBMLDocument doc;
        try {
            doc = new org.sbml.jsbml.SBMLReader().readSBMLFromString(text);
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("\\s+", " ").trim();
            throw new InvalidModelException(new Diagnostic(name, loc == null ? 0 : Math.max(0, loc.getLineNumber()),
                    loc == null ? 0 : Math.max(0, loc.getColumnNumber()), Diagnostic.Kind.SYNTAX,
                    "not readable as SBML: " + msg));
        } catch (RuntimeException e) {
            throw new InvalidModelException(new Diagnostic(name, 0, 0, Diagnostic.Kind.SYNTAX,
                    "not readable as SBML: " + e));
        }
        if (doc == null || doc.getModel() == null) {
            throw new InvalidModelException(new Diagnostic(name, 0, 0, Diagnostic.Kind.SEMANTIC,
                    "the SBML document contains no model"));
        }
        if (doc.getLevel() < 2) {
            throw new InvalidModelException(new Diagnostic(name, 0, 0, Diagnostic.Kind.UNSUPPORTED,
                    "SBML Level " + doc.getLevel() + " is not supported (Levels 2 and 3 are)"));
        }
        Matcher root = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?sbml\\b[^>]*>").matcher(text);
        if (root.find()) {
            Matcher pkg = REQUIRED_PACKAGE.matcher(root.group());
            if (pkg.find()) {
                SbmlLocator.Position at = new SbmlLocator(text).nth("sbml", 0);
                throw new InvalidModelException(new Diagnostic(name, at.line(), at.column(), Diagnostic.Kind.UNSUPPORTED,
                        "SBML Level 3 package '" + pkg.group(1) + "' is required by this model but not supported "
                                + "(only SBML core is read)"));
            }
        }
        Provenance provenance = new Provenance(name, Provenance.sha256(bytes), "sbml");
        String stem = file.getFileName() == null ? "sbml" : file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        SbmlTranslator translator = new SbmlTranslator(name, doc.getModel(), provenance, text, parameterSources);
        ImportedModel model = translator.translate(stem);
        return new ParameterSources(model, translator.numberedParameters());
    }
}
