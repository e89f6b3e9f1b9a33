package org.odelump.dsl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;

/**
 * Replaces ANTLR's error messages with plain ones that say what was expected in the words of the language:
 * {@code expected ',' before rate}, {@code unexpected 'foo', expected 'end ODE' or an equation d(x) = ...}.
 */
final class SyntaxErrors extends BaseErrorListener {

    static final int MAX = 10;

    private final Located loc;
    private final List<Diagnostic> errors = new ArrayList<>();

    SyntaxErrors(Located loc) {
        this.loc = loc;
    }

    List<Diagnostic> errors() {
        return errors;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg,
                            RecognitionException e) {
        if (errors.size() >= MAX) {
            return;
        }
        Parser p = (Parser) recognizer;
        Token t = (Token) offendingSymbol;
        if (e instanceof NoViableAltException nv && nv.getStartToken() != null
                && nv.getStartToken().getType() != Token.EOF) {
            t = nv.getStartToken();
        }
        IntervalSet expected;
        try {
            expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : p.getExpectedTokens();
        } catch (RuntimeException ex) {
            expected = new IntervalSet();
        }
        ParserRuleContext ctx = e != null && e.getCtx() instanceof ParserRuleContext c ? c : p.getContext();
        if (ctx instanceof OdeLumpParser.EquationContext eq && eq.getChildCount() <= 1
                && eq.getParent() instanceof OdeLumpParser.OdeSectionContext) {
            // a stray word in an ODE section: blame the word, not the token after it
            errors.add(loc.at(eq.start, Kind.SYNTAX, "unexpected " + describe(eq.start) + ", expected "
                    + sectionPhrase(eq.getParent())));
            return;
        }
        errors.add(loc.at(t, Kind.SYNTAX, message(t, expected, ctx, p)));
    }

    static String describe(Token t) {
        if (t == null || t.getType() == Token.EOF) {
            return "end of file";
        }
        String s = t.getText();
        if (t.getType() == OdeLumpLexer.BEGIN_MODEL) {
            s = "begin model";
        }
        if (s.length() > 30) {
            s = s.substring(0, 27) + "...";
        }
        return "'" + s + "'";
    }

    private static String message(Token t, IntervalSet expected, ParserRuleContext ctx, Parser p) {
        String found = "unexpected " + describe(t);
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof OdeLumpParser.AtomContext || c instanceof OdeLumpParser.TermContext
                    || c instanceof OdeLumpParser.ExprContext) {
                if (expected.contains(OdeLumpLexer.NUMBER) && !expected.contains(OdeLumpLexer.RPAREN)
                        && !expected.contains(OdeLumpLexer.COMMA)) {
                    return found + ", expected an expression";
                }
                continue;
            }
            if (c instanceof OdeLumpParser.ReactionContext || c instanceof OdeLumpParser.CompositeContext
                    || c instanceof OdeLumpParser.SpeciesContext) {
                if (expected.contains(OdeLumpLexer.COMMA) && !expected.contains(OdeLumpLexer.ARROW)) {
                    return "expected ',' before rate, found " + describe(t);
                }
                if (expected.contains(OdeLumpLexer.ARROW)) {
                    return found + ", expected '+' or '->' in a reaction A + B -> C , rate";
                }
                if (expected.contains(OdeLumpLexer.ID)) {
                    return found + ", expected a species";
                }
                continue;
            }
            String section = sectionPhrase(c);
            if (section != null) {
                if (c == ctx || isLoopLevel(c, ctx)) {
                    return found + ", expected " + section;
                }
                break;
            }
        }
        return found + ", expected " + list(expected, p);
    }

    private static boolean isLoopLevel(ParserRuleContext section, ParserRuleContext ctx) {
        return ctx.getParent() == section && (ctx instanceof OdeLumpParser.ModelItemContext
                || ctx instanceof OdeLumpParser.TopItemContext);
    }

    private static String sectionPhrase(ParserRuleContext c) {
        if (c instanceof OdeLumpParser.OdeSectionContext) {
            return "'end ODE' or an equation d(x) = ...";
        }
        if (c instanceof OdeLumpParser.ParamsSectionContext) {
            return "'end parameters' or a parameter k = value";
        }
        if (c instanceof OdeLumpParser.InitSectionContext) {
            return "'end init' or a species declaration x = value";
        }
        if (c instanceof OdeLumpParser.PartitionSectionContext) {
            return "'end partition' or a block {a, b}";
        }
        if (c instanceof OdeLumpParser.ReactionsSectionContext) {
            return "'end reactions' or a reaction A + B -> C , rate";
        }
        if (c instanceof OdeLumpParser.ViewsSectionContext) {
            return "'end views' or a view name = expression";
        }
        if (c instanceof OdeLumpParser.ModelContext) {
            return "a section 'begin ...', a command or 'end model'";
        }
        if (c instanceof OdeLumpParser.FileContext) {
            return "'begin model'";
        }
        return null;
    }

    private static String list(IntervalSet expected, Parser p) {
        List<String> names = new ArrayList<>();
        boolean name = expected.contains(OdeLumpLexer.ID);
        for (int type : expected.toList()) {
            if (name && type != OdeLumpLexer.ID && isSoftKeyword(type)) {
                continue;
            }
            String n = tokenName(type, p);
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return "something else";
        }
        if (names.size() > 6) {
            names = new ArrayList<>(names.subList(0, 6));
            names.add("...");
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static boolean isSoftKeyword(int type) {
        return type == OdeLumpLexer.MODEL || type == OdeLumpLexer.PARAMETERS || type == OdeLumpLexer.INIT
                || type == OdeLumpLexer.INITS || type == OdeLumpLexer.PARTITION || type == OdeLumpLexer.REACTIONS
                || type == OdeLumpLexer.VIEWS;
    }

    private static String tokenName(int type, Parser p) {
        switch (type) {
            case Token.EOF: return "end of file";
            case OdeLumpLexer.ID: return "a name";
            case OdeLumpLexer.NUMBER: return "a number";
            case OdeLumpLexer.STRING: return "a string";
            case OdeLumpLexer.BEGIN_MODEL: return "'begin model'";
            case OdeLumpLexer.INTERNAL_ARGS: return "'{...}'";
            default:
                String lit = p.getVocabulary().getLiteralName(type);
                return lit != null ? lit : p.getVocabulary().getDisplayName(type);
        }
    }
}
