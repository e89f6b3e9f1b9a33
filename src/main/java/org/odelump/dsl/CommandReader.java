package org.odelump.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.misc.Interval;
import org.odelump.model.Command;

/**
 * Reads commands in both of ERODE's syntaxes into {@link Command}s: GUI {@code reduceFE(prePartition=USER,
 * reducedFile="m.ode")} and internal {@code reduceFE({prePartition=>USER,reducedFile=>m.ode})}. Option values are
 * kept as written (strings without their quotes, lists and expressions as their source text). An assignment
 * {@code this = reduceBE(...)} is kept as the option {@value #TARGET} with the target's name. Unknown command names
 * give a warning, never an error.
 */
final class CommandReader {

    /** Option key under which the target of {@code this = reduceBE(...)} is stored. */
    static final String TARGET = "=";

    static final Set<String> KNOWN = Set.of("reduceFE", "reduceBE", "reduceFDE", "reduceBDE", "reduceSE",
            "reduceSMB", "reduceFB", "reduceBB", "reduceDSB", "reduceEFL", "reduceBE_AAt", "justBEReduction",
            "reduceEpsNFB", "reduceEpsNBB", "reduceUncertainFE", "reduceUFE", "reduceUCTMCFE", "reduceUSE",
            "reduceCoRNFE", "approximateFDE", "approximateBDE", "simulateODE", "simulateCTMC", "setParam", "setIC",
            "load", "importSBML", "importBNG",
            "importAffine", "exportBNG", "exportSBML", "exportC2E", "exportLBS", "write", "newline", "print");

    private final ModelBuilder mb;

    CommandReader(ModelBuilder mb) {
        this.mb = mb;
    }

    Command read(OdeLumpParser.CommandContext c) {
        int n = c.ident().size();
        String name = c.ident(n - 1).getText();
        Map<String, String> options = new LinkedHashMap<>();
        if (n == 2) {
            options.put(TARGET, c.ident(0).getText());
        }
        if (c.INTERNAL_ARGS() != null) {
            String body = c.INTERNAL_ARGS().getText();
            body = body.substring(body.indexOf('{') + 1, body.lastIndexOf('}'));
            for (String piece : body.split(",")) {
                String p = piece.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int arrow = p.indexOf("=>");
                if (arrow < 0) {
                    options.put(p, "");
                } else {
                    options.put(p.substring(0, arrow).strip(), p.substring(arrow + 2).strip());
                }
            }
        } else {
            for (OdeLumpParser.OptionContext o : c.option()) {
                if (o.optionValue() != null) {
                    options.put(valueText(o.optionValue()), "");
                    continue;
                }
                // "slope_max_error from = 0.1 to = 0.5 step = 0.1" is one option: the first pair names it and the
                // rest of the text is its value, so repeated inner names (to, step) of several options cannot clash.
                List<OdeLumpParser.OptionPairContext> pairs = o.optionPair();
                OdeLumpParser.OptionPairContext first = pairs.get(0);
                List<String> key = new ArrayList<>();
                for (OdeLumpParser.IdentContext id : first.ident()) {
                    key.add(id.getText());
                }
                String value = pairs.size() == 1 ? valueText(first.optionValue())
                        : first.optionValue().start.getInputStream().getText(Interval.of(
                                first.optionValue().start.getStartIndex(), o.stop.getStopIndex()));
                options.put(String.join(" ", key), value);
            }
        }
        if (!KNOWN.contains(name)) {
            mb.warn(c.ident(n - 1).start, "unknown command '" + name + "' is kept but not interpreted");
        }
        return new Command(name, options, c.start.getLine(), c.start.getCharPositionInLine() + 1);
    }

    private static String valueText(OdeLumpParser.OptionValueContext v) {
        return v.STRING() != null ? ModelBuilder.unquote(v.STRING().getText()) : source(v);
    }

    /** The source text of a rule, with its original spacing. */
    static String source(ParserRuleContext ctx) {
        return ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    }
}
