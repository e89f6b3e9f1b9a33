package org.odelump.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.model.Provenance;

/**
 * Reads a BioNetGen {@code .net} file (an expanded reaction network, as written by BioNetGen's
 * {@code generate_network}) into a mass-action {@link OdeSystem}.
 *
 * <p>What is read:
 * <ul>
 * <li>{@code parameters}: {@code index name value}; values are expressions of other parameters, in any order
 *     (evaluated in dependency order; cycles are errors). Names are kept; a parameter whose name clashes with a
 *     species variable {@code s<k>} is renamed with a {@code _p} suffix (warning).</li>
 * <li>{@code species}: {@code index pattern amount}; species k becomes variable {@code s<k>} with the BioNetGen
 *     pattern as display name; the amount is a number, a parameter or an expression. Species whose pattern starts
 *     with {@code $} are fixed (clamped): their reactions are kept, their drift is set to 0 (warning).</li>
 * <li>{@code reactions}: {@code index reactants products rate [#label]}; reactants and products are
 *     comma-separated species indices with repetition, {@code 0} for none. The reaction's label is the first word
 *     of the comment (BioNetGen writes the rule name there).</li>
 * <li>{@code groups}: {@code index name list} with weighted entries {@code 2*10}; each becomes a
 *     {@link org.odelump.model.View} {@code name = Σ w·s<k>}.</li>
 * <li>{@code functions}: {@code index name() body}; read only when a rate uses them.</li>
 * </ul>
 * Other blocks ({@code molecule types}, {@code observables}, {@code reaction rules}, {@code energy patterns},
 * {@code compartments}, ...) and directives such as {@code substanceUnits("Number");} are skipped.
 *
 * <p>Rate semantics. A rate is an expression of parameters, groups and functions. The propensity of a reaction is
 * rate × Π reactant concentrations (with multiplicity); BioNetGen has already folded symmetry factors and
 * compartment volumes into the rate text ({@code 0.5*kp2}). This is also BioNetGen's meaning for a functional rate:
 * the function value plays the role of the rate constant and is multiplied by the reactant populations (as in
 * NFsim's {@code FunctionalRxnClass::update_a}, RuleWorld/nfsim, which computes a = f · Π reactant counts; the
 * statistical factor, e.g. {@code 0.5*f}, stays in the rate text). A rate that is a constant gives a mass-action reaction ({@code massAction = true}); a rate that depends
 * on species through groups, e.g. {@code k_synthcat*B_tot}, must expand to a polynomial in the species and gives a
 * reaction with that polynomial times x^ρ as propensity ({@code massAction = false}, no rate source). Anything
 * else is refused: a division by species (Michaelis–Menten {@code kcat/(Km+S)}) or a non-integer power is
 * {@link Kind#NOT_POLYNOMIAL}; functions with local arguments are {@link Kind#UNSUPPORTED}. The error is located at
 * the rate of the first reaction that uses the function and names the function and its line.
 *
 * <p>Errors: every problem throws {@link InvalidModelException} with one {@link Diagnostic}
 * {@code file:line:column: message} (kinds SYNTAX, SEMANTIC, UNSUPPORTED, NOT_POLYNOMIAL, IO); no other exception
 * escapes for any input. Warnings are returned with the model.
 *
 * <p>Cost: one pass over the text (reaction lines parsed by hand), one evaluation per distinct rate text, and
 * O(Σ reaction size) hash operations for the drifts; linear in the file size. For files of 1 MB or more the
 * SHA-256 of the provenance is computed on the common fork-join pool while the text is parsed.
 */
public final class BngNetReader {

    private BngNetReader() {
    }

    /** Reads the {@code .net} file at {@code file}; diagnostics name it as given. */
    public static ImportedModel read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelException(new Diagnostic(name, 0, 0, Kind.IO, "cannot read the file: " + e));
        }
        // the digest of a large file runs on another core while the text is parsed
        CompletableFuture<String> sha = bytes.length >= PARALLEL_DIGEST_BYTES
                ? CompletableFuture.supplyAsync(() -> Provenance.sha256(bytes))
                : CompletableFuture.completedFuture(Provenance.sha256(bytes));
        String text = new String(bytes, StandardCharsets.UTF_8);
        return read(name, text, () -> new Provenance(name, sha.join(), "net"));
    }

    /** Files at least this large get their SHA-256 computed in parallel with parsing. */
    private static final int PARALLEL_DIGEST_BYTES = 1 << 20;

    /** Reads {@code .net} text; {@code fileName} is used in diagnostics and as the model name. */
    public static ImportedModel read(String fileName, String text) {
        return read(fileName, text, () -> Provenance.ofText(fileName, "net", text));
    }

    private static ImportedModel read(String fileName, String text, Supplier<Provenance> provenance) {
        try {
            NetScanner scanner = new NetScanner(fileName, text);
            scanner.scan();
            NetResolver resolver = new NetResolver(fileName, scanner);
            OdeSystem system = resolver.resolve(modelName(fileName), provenance);
            return new ImportedModel(system, resolver.warnings());
        } catch (NetError e) {
            throw new InvalidModelException(e.toDiagnostic(fileName));
        } catch (StackOverflowError e) {
            throw new InvalidModelException(new Diagnostic(fileName, 0, 0, Kind.UNSUPPORTED,
                    "the definitions are nested too deeply to evaluate"));
        }
    }

    /** The file's base name without the {@code .net} extension. */
    static String modelName(String fileName) {
        String base = fileName;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        if (base.endsWith(".net")) {
            base = base.substring(0, base.length() - 4);
        }
        return base.isEmpty() ? "net" : base;
    }
}
