package org.odelump.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;

/**
 * First pass over a {@code .net} text: splits it into lines and blocks, checks the line structure and collects
 * the raw entries. Reaction lines are parsed here by hand (no regex, no per-line substring besides the rate and
 * label texts, which are interned); everything that needs names (parameter values, rates, groups) is resolved
 * afterwards by {@link NetResolver}, because BioNetGen writes groups after the reactions that use them.
 *
 * <p>Lines are {@code index name value [# comment]}; fields are separated by whitespace only, since species names
 * contain {@code ( ) , ! ~ . @ : $}. Everything from {@code #} to the end of a line is a comment.
 */
final class NetScanner {

    /** A parameter, species, group or function line: the name and the text range of its value. */
    record Entry(int line, String text, String name, int nameAt, int valueFrom, int valueTo, List<String> args) {
        /** 1-based column of index {@code at} of {@link #text}. */
        int col(int at) {
            return at + 1;
        }
    }

    private enum Block { NONE, PARAMETERS, SPECIES, REACTIONS, GROUPS, FUNCTIONS, SKIP }

    private static final List<String> QUIET_SKIPS =
            List.of("molecule types", "observables", "reaction rules", "energy patterns", "actions");

    private final String file;
    private final String text;

    final List<Entry> parameters = new ArrayList<>();
    final List<Entry> species = new ArrayList<>();
    final List<Entry> groups = new ArrayList<>();
    final List<Entry> functions = new ArrayList<>();
    final List<Diagnostic> warnings = new ArrayList<>();
    final ReactionTable reactions = new ReactionTable();
    boolean sawSpecies;

    private Block block = Block.NONE;
    private String blockName;
    private int blockLine;

    NetScanner(String file, String text) {
        this.file = file;
        this.text = text;
    }

    void scan() {
        int len = text.length();
        int pos = 0;
        int lineNo = 0;
        while (pos < len) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                nl = len;
            }
            lineNo++;
            line(lineNo, pos, nl);
            pos = nl + 1;
        }
        if (block != Block.NONE) {
            throw new NetError(blockLine, 1, Kind.SYNTAX,
                    "'begin " + blockName + "' is never closed by 'end " + blockName + "'");
        }
        if (!sawSpecies) {
            throw new NetError(Math.max(1, lineNo), 1, Kind.SEMANTIC, "no 'begin species' block");
        }
    }

    private void line(int lineNo, int start, int end) {
        int hash = -1;
        for (int k = start; k < end; k++) {
            if (text.charAt(k) == '#') {
                hash = k;
                break;
            }
        }
        int contentEnd = hash >= 0 ? hash : end;
        int i = skipSpaceT(start, contentEnd);
        if (i >= contentEnd) {
            return;
        }
        if (block == Block.REACTIONS && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            reaction(lineNo, start, i, contentEnd, hash, end);
            return;
        }
        String line = text.substring(start, end);
        int from = i - start;
        int to = contentEnd - start;
        String first = word(line, from, to);
        if (block == Block.SKIP && !first.equals("end")) {
            return;
        }
        if (first.equals("begin") || first.equals("end")) {
            String name = blockName(line, from + first.length(), to);
            if (first.equals("begin")) {
                begin(lineNo, from, name);
            } else {
                end(lineNo, from, name);
            }
            return;
        }
        switch (block) {
            case NONE:
                topLevel(lineNo, line, from, to);
                break;
            case SKIP:
                break;
            case PARAMETERS:
                parameters.add(entry(lineNo, line, from, to, "parameter", true));
                break;
            case SPECIES:
                speciesLine(lineNo, line, from, to);
                break;
            case GROUPS:
                groups.add(entry(lineNo, line, from, to, "group", false));
                break;
            case FUNCTIONS:
                functions.add(function(lineNo, line, from, to));
                break;
            default:
                throw new NetError(lineNo, from + 1, Kind.SYNTAX, "expected a reaction index (an integer)");
        }
    }

    private void begin(int lineNo, int at, String name) {
        if (block != Block.NONE) {
            throw new NetError(lineNo, at + 1, Kind.SYNTAX,
                    "expected 'end " + blockName + "' before 'begin " + name + "'");
        }
        blockName = name;
        blockLine = lineNo;
        switch (name) {
            case "parameters":
                block = Block.PARAMETERS;
                break;
            case "species":
                block = Block.SPECIES;
                sawSpecies = true;
                break;
            case "reactions":
                if (!sawSpecies) {
                    throw new NetError(lineNo, at + 1, Kind.SEMANTIC,
                            "the reactions block must come after the species block");
                }
                block = Block.REACTIONS;
                break;
            case "groups":
                block = Block.GROUPS;
                break;
            case "functions":
                block = Block.FUNCTIONS;
                break;
            case "":
                throw new NetError(lineNo, at + 1, Kind.SYNTAX, "expected a block name after 'begin'");
            default:
                block = Block.SKIP;
                if (name.equals("compartments")) {
                    warnings.add(new Diagnostic(file, lineNo, at + 1, Kind.WARNING, "skipped the compartments block:"
                            + " BioNetGen already folds compartment volumes into the reaction rates"));
                } else if (!QUIET_SKIPS.contains(name)) {
                    warnings.add(new Diagnostic(file, lineNo, at + 1, Kind.WARNING,
                            "skipped the unknown block '" + name + "'"));
                }
        }
    }

    private void end(int lineNo, int at, String name) {
        if (block == Block.NONE) {
            throw new NetError(lineNo, at + 1, Kind.SYNTAX, "'end " + name + "' without a matching 'begin'");
        }
        if (!name.equals(blockName)) {
            if (block == Block.SKIP) {
                return;
            }
            throw new NetError(lineNo, at + 1, Kind.SYNTAX,
                    "expected 'end " + blockName + "' but found 'end " + name + "'");
        }
        block = Block.NONE;
    }

    /** Outside blocks only directives such as {@code substanceUnits("Number");} may appear; they are ignored. */
    private void topLevel(int lineNo, String line, int from, int to) {
        int i = from;
        while (i < to && NetExpr.isIdentPart(line.charAt(i))) {
            i++;
        }
        String rest = line.substring(i, to).trim();
        if (i > from && NetExpr.isIdentStart(line.charAt(from)) && rest.startsWith("(")
                && (rest.endsWith(")") || rest.endsWith(");"))) {
            return;
        }
        throw new NetError(lineNo, from + 1, Kind.SYNTAX, "expected 'begin <block>' or a directive such as"
                + " substanceUnits(\"Number\") but found '" + word(line, from, to) + "'");
    }

    private void speciesLine(int lineNo, String line, int from, int to) {
        int expected = species.size() + 1;
        int idxEnd = tokenEnd(line, from, to);
        int idx = parseIndex(line, from, idxEnd);
        if (idx < 0) {
            throw new NetError(lineNo, from + 1, Kind.SYNTAX, "expected a species index (an integer) but found '"
                    + line.substring(from, idxEnd) + "'");
        }
        if (idx != expected) {
            throw new NetError(lineNo, from + 1, Kind.SEMANTIC,
                    "expected species index " + expected + " but found " + line.substring(from, idxEnd));
        }
        int nameAt = skipSpace(line, idxEnd, to);
        if (nameAt >= to) {
            throw new NetError(lineNo, nameAt + 1, Kind.SYNTAX, "expected a species name after the index");
        }
        int nameEnd = tokenEnd(line, nameAt, to);
        int valueAt = skipSpace(line, nameEnd, to);
        if (valueAt >= to) {
            throw new NetError(lineNo, valueAt + 1, Kind.SYNTAX,
                    "expected an initial amount after species '" + line.substring(nameAt, nameEnd) + "'");
        }
        species.add(new Entry(lineNo, line, line.substring(nameAt, nameEnd), nameAt, valueAt, trimEnd(line, to),
                null));
    }

    /** {@code index name value}: a parameter (value required) or a group (species list optional). */
    private Entry entry(int lineNo, String line, int from, int to, String what, boolean valueRequired) {
        int idxEnd = tokenEnd(line, from, to);
        if (parseIndex(line, from, idxEnd) < 0) {
            throw new NetError(lineNo, from + 1, Kind.SYNTAX, "expected a " + what + " index (an integer) but found '"
                    + line.substring(from, idxEnd) + "'");
        }
        int nameAt = skipSpace(line, idxEnd, to);
        int nameEnd = tokenEnd(line, nameAt, to);
        String name = line.substring(nameAt, nameEnd);
        if (!NetExpr.isIdentifier(name)) {
            throw new NetError(lineNo, nameAt + 1, Kind.SYNTAX, "expected a " + what + " name (letters, digits, '_')"
                    + (name.isEmpty() ? "" : " but found '" + name + "'"));
        }
        int valueAt = skipSpace(line, nameEnd, to);
        if (valueRequired && valueAt >= to) {
            throw new NetError(lineNo, valueAt + 1, Kind.SYNTAX, "expected a value after " + what + " '" + name + "'");
        }
        return new Entry(lineNo, line, name, nameAt, valueAt, trimEnd(line, to), null);
    }

    /** {@code index name(args) body}. */
    private Entry function(int lineNo, String line, int from, int to) {
        int idxEnd = tokenEnd(line, from, to);
        if (parseIndex(line, from, idxEnd) < 0) {
            throw new NetError(lineNo, from + 1, Kind.SYNTAX, "expected a function index (an integer) but found '"
                    + line.substring(from, idxEnd) + "'");
        }
        int nameAt = skipSpace(line, idxEnd, to);
        int i = nameAt;
        while (i < to && NetExpr.isIdentPart(line.charAt(i))) {
            i++;
        }
        String name = line.substring(nameAt, i);
        if (!NetExpr.isIdentifier(name)) {
            throw new NetError(lineNo, nameAt + 1, Kind.SYNTAX, "expected a function name (letters, digits, '_')");
        }
        List<String> args = new ArrayList<>();
        if (i < to && line.charAt(i) == '(') {
            int close = line.indexOf(')', i);
            if (close < 0 || close >= to) {
                throw new NetError(lineNo, i + 1, Kind.SYNTAX, "expected ')' after the arguments of function '"
                        + name + "'");
            }
            for (String a : line.substring(i + 1, close).split(",")) {
                if (!a.isBlank()) {
                    args.add(a.trim());
                }
            }
            i = close + 1;
        }
        int bodyAt = skipSpace(line, i, to);
        if (bodyAt >= to) {
            throw new NetError(lineNo, bodyAt + 1, Kind.SYNTAX, "expected the body of function '" + name + "'");
        }
        return new Entry(lineNo, line, name, nameAt, bodyAt, trimEnd(line, to), List.copyOf(args));
    }

    /** The hot path: {@code index reactants products rate [#label ...]} read directly from the text. */
    private void reaction(int lineNo, int lineStart, int i, int contentEnd, int hash, int lineEnd) {
        int e = tokenEndT(i, contentEnd);
        if (parseIndexT(i, e) < 0) {
            throw new NetError(lineNo, i - lineStart + 1, Kind.SYNTAX, "expected a reaction index (an integer) but found '"
                    + text.substring(i, e) + "'");
        }
        ReactionTable t = reactions;
        t.begin(lineNo);
        i = skipSpaceT(e, contentEnd);
        e = tokenEndT(i, contentEnd);
        speciesList(lineNo, lineStart, i, e, "reactants");
        t.endReactants();
        i = skipSpaceT(e, contentEnd);
        e = tokenEndT(i, contentEnd);
        speciesList(lineNo, lineStart, i, e, "products");
        t.endProducts();
        i = skipSpaceT(e, contentEnd);
        if (i >= contentEnd) {
            throw new NetError(lineNo, i - lineStart + 1, Kind.SYNTAX, "expected a rate after the products");
        }
        e = tokenEndT(i, contentEnd);
        t.rate(text, i, e, i - lineStart + 1);
        int after = skipSpaceT(e, contentEnd);
        if (after < contentEnd) {
            throw new NetError(lineNo, after - lineStart + 1, Kind.SYNTAX,
                    "expected '#' or the end of the line after the rate but found '"
                    + text.substring(after, tokenEndT(after, contentEnd)) + "'");
        }
        if (hash >= 0) {
            int l = skipSpaceT(hash + 1, lineEnd);
            if (l < lineEnd) {
                t.label(text, l, tokenEndT(l, lineEnd));
            }
        }
        t.end();
    }

    /** Comma-separated species indices with repetition; a lone {@code 0} is the empty multiset. */
    private void speciesList(int lineNo, int lineStart, int from, int to, String what) {
        if (from >= to) {
            throw new NetError(lineNo, from - lineStart + 1, Kind.SYNTAX, "expected the " + what
                    + " (comma-separated species indices, or 0)");
        }
        if (to - from == 1 && text.charAt(from) == '0') {
            return;
        }
        int n = species.size();
        int i = from;
        while (true) {
            int start = i;
            long v = 0;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                if (v <= Integer.MAX_VALUE) {
                    v = v * 10 + (text.charAt(i) - '0');
                }
                i++;
            }
            if (i == start || (i < to && text.charAt(i) != ',')) {
                throw new NetError(lineNo, i - lineStart + 1, Kind.SYNTAX, "expected a species index in the "
                        + what + " but found '" + (i < to ? String.valueOf(text.charAt(i)) : "") + "'");
            }
            if (v < 1 || v > n) {
                throw new NetError(lineNo, start - lineStart + 1, Kind.SEMANTIC, "species index "
                        + text.substring(start, i) + " in the " + what + " is out of range (species are 1.." + n + ")");
            }
            reactions.species((int) v - 1);
            if (i >= to) {
                return;
            }
            i++;
            if (i >= to) {
                throw new NetError(lineNo, i - lineStart + 1, Kind.SYNTAX, "expected a species index after ','");
            }
        }
    }

    private static String word(String line, int from, int to) {
        return line.substring(from, tokenEnd(line, from, to));
    }

    private static String blockName(String line, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = skipSpace(line, from, to);
        while (i < to) {
            int e = tokenEnd(line, i, to);
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(line, i, e);
            i = skipSpace(line, e, to);
        }
        return sb.toString();
    }

    private static int skipSpace(String s, int i, int to) {
        while (i < to && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String s, int i, int to) {
        while (i < to && s.charAt(i) > ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(String s, int to) {
        while (to > 0 && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    /** A non-negative integer of at most 9 digits, or -1. */
    private static int parseIndex(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private int skipSpaceT(int i, int to) {
        return skipSpace(text, i, to);
    }

    private int tokenEndT(int i, int to) {
        return tokenEnd(text, i, to);
    }

    private int parseIndexT(int from, int to) {
        return parseIndex(text, from, to);
    }

    /** The reactions as parallel arrays of interned ids: reactant and product multisets, rate text, label. */
    static final class ReactionTable {
        int count;
        int[] reagentId = new int[256];
        int[] productId = new int[256];
        int[] rateId = new int[256];
        int[] rateCol = new int[256];
        int[] labelId = new int[256];
        int[] line = new int[256];
        final NetTables.Strings rateTexts = new NetTables.Strings();
        final NetTables.Strings labels = new NetTables.Strings();
        final NetTables.Monomials monomials = new NetTables.Monomials();
        private int[] buffer = new int[16];
        private int bufferCount;

        void begin(int lineNo) {
            if (count == line.length) {
                int cap = line.length * 2;
                reagentId = Arrays.copyOf(reagentId, cap);
                productId = Arrays.copyOf(productId, cap);
                rateId = Arrays.copyOf(rateId, cap);
                rateCol = Arrays.copyOf(rateCol, cap);
                labelId = Arrays.copyOf(labelId, cap);
                line = Arrays.copyOf(line, cap);
            }
            line[count] = lineNo;
            labelId[count] = -1;
            bufferCount = 0;
        }

        void species(int s) {
            if (bufferCount == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            buffer[bufferCount++] = s;
        }

        void endReactants() {
            reagentId[count] = monomials.intern(buffer, 0, bufferCount);
            bufferCount = 0;
        }

        void endProducts() {
            productId[count] = monomials.intern(buffer, 0, bufferCount);
            bufferCount = 0;
        }

        void rate(String text, int from, int to, int col) {
            rateId[count] = rateTexts.intern(text, from, to);
            rateCol[count] = col;
        }

        void label(String text, int from, int to) {
            labelId[count] = labels.intern(text, from, to);
        }

        void end() {
            count++;
        }
    }
}
