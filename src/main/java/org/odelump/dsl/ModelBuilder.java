package org.odelump.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.Token;
import org.odelump.model.Command;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Provenance;
import org.odelump.model.View;
import org.odelump.symbolic.NameResolver;

/**
 * Builds an {@link OdeSystem} from a parse tree: finds the model and its sections, evaluates parameters and initial
 * values, declares the variables, and delegates the dynamics to {@link DynamicsBuilder}. Errors are thrown as
 * {@link DslError}s with exact positions; several errors of one section are collected before stopping.
 */
final class ModelBuilder {

    private final Located loc;
    private final ParseOptions options;
    private final List<Diagnostic> warnings;
    private final ExprCompiler compiler;
    private final Provenance provenance;

    final Map<String, Parameter> params = new LinkedHashMap<>();
    final Map<String, Token> paramAt = new HashMap<>();
    final Species species = new Species();
    private final List<Diagnostic> errors = new ArrayList<>();

    ModelBuilder(Located loc, ParseOptions options, List<Diagnostic> warnings, Provenance provenance) {
        this.loc = loc;
        this.options = options;
        this.warnings = warnings;
        this.provenance = provenance;
        this.compiler = new ExprCompiler(loc, new ExprBuilder(
                q -> warnings.add(loc.at(q.at(), Kind.WARNING, q.message()))));
    }

    ParseOptions options() {
        return options;
    }

    Located loc() {
        return loc;
    }

    ExprCompiler compiler() {
        return compiler;
    }

    void warn(Token at, String message) {
        warnings.add(loc.at(at, Kind.WARNING, message));
    }

    /** Records an error and goes on with the current section. */
    void collect(DslError e) {
        errors.add(e.diagnostic());
        if (errors.size() >= 50) {
            stopIfErrors();
        }
    }

    /** Ends building when errors were collected. */
    void stopIfErrors() {
        if (!errors.isEmpty()) {
            throw new CollectedErrors(List.copyOf(errors));
        }
    }

    /** Internal carrier of several diagnostics. */
    static final class CollectedErrors extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<Diagnostic> diagnostics;

        CollectedErrors(List<Diagnostic> diagnostics) {
            super(diagnostics.get(0).toString(), null, false, false);
            this.diagnostics = diagnostics;
        }
    }

    OdeSystem build(OdeLumpParser.FileContext file) {
        OdeLumpParser.ModelContext model = null;
        List<OdeLumpParser.CommandContext> trailing = new ArrayList<>();
        for (OdeLumpParser.TopItemContext item : file.topItem()) {
            if (item.foreignBlock() != null) {
                String word = item.foreignBlock().ident().getText();
                if (word.equals("Boolean") || word.equals("Multivalued")) {
                    throw loc.error(item.start, Kind.UNSUPPORTED, word + " networks are not supported:"
                            + " odelump reads polynomial ODE models and reaction networks");
                }
                throw loc.error(item.start, Kind.SYNTAX, "unexpected 'begin " + word + "', expected 'begin model'");
            }
            if (item.model() != null) {
                if (model != null) {
                    throw loc.error(item.start, Kind.UNSUPPORTED,
                            "a second model in one file is not supported (the first begins at "
                                    + Located.line(model.start) + ")");
                }
                model = item.model();
            } else {
                trailing.add(item.command());
            }
        }
        for (OdeLumpParser.SettingContext s : file.setting()) {
            String key = s.ID(0).getText();
            if (!key.equals("precision") && !key.equals("unique")) {
                warn(s.start, "unknown setting '" + key + "' ignored");
            }
        }
        if (model == null) {
            throw loc.error(file.stop, Kind.SYNTAX, "expected 'begin model'");
        }
        return buildModel(model, trailing);
    }

    private OdeSystem buildModel(OdeLumpParser.ModelContext m, List<OdeLumpParser.CommandContext> trailing) {
        String name = ModelNames.fromHeader(m.BEGIN_MODEL().getText());
        if (name.isEmpty()) {
            throw loc.error(m.start, Kind.SEMANTIC, "missing model name after 'begin model'");
        }
        Sections s = Sections.of(m, this);
        if (s.params != null) {
            parameters(s.params);
        }
        if (s.init != null) {
            init(s.init);
        }
        DynamicsBuilder dyn = new DynamicsBuilder(this);
        if (s.ode != null) {
            dyn.ode(s.ode, s.init != null);
        } else if (s.reactions != null) {
            dyn.reactions(s.reactions, s.init != null);
        } else {
            throw loc.error(m.stop, Kind.SEMANTIC,
                    "the model has neither a reactions section nor an ODE section");
        }
        stopIfErrors();
        List<List<Integer>> blocks = s.partition == null ? List.of() : new PartitionReader(this).read(s.partition);
        List<View> views = s.views == null ? List.of() : views(s.views);
        stopIfErrors();
        CommandReader commands = new CommandReader(this);
        List<Command> cmds = new ArrayList<>();
        for (OdeLumpParser.CommandContext c : s.commands) {
            cmds.add(commands.read(c));
        }
        for (OdeLumpParser.CommandContext c : trailing) {
            cmds.add(commands.read(c));
        }
        OdeSystem.Builder b = OdeSystem.builder(name)
                .variables(species.variables())
                .parameters(new ArrayList<>(params.values()))
                .initialValues(species.initialValues())
                .initialSources(species.initialSources())
                .partitionBlocks(blocks)
                .views(views)
                .commands(cmds)
                .provenance(provenance);
        dyn.fill(b);
        return b.build();
    }

    // ---- parameters -------------------------------------------------------------------------------------------

    private void parameters(OdeLumpParser.ParamsSectionContext sec) {
        Map<String, Token> all = new HashMap<>();
        for (OdeLumpParser.ParamDeclContext d : sec.paramDecl()) {
            all.putIfAbsent(d.ident().getText(), d.ident().start);
        }
        for (OdeLumpParser.ParamDeclContext d : sec.paramDecl()) {
            String n = d.ident().getText();
            Token at = d.ident().start;
            try {
                if (paramAt.containsKey(n)) {
                    throw loc.error(at, Kind.SEMANTIC, "duplicate parameter '" + n + "' (first defined at "
                            + Located.line(paramAt.get(n)) + ")");
                }
                if (d.expr() == null) {
                    if (!options.undeclaredAsConstants()) {
                        throw loc.error(at, Kind.SEMANTIC, "parameter '" + n + "' has no value (give one, or parse"
                                + " with undeclaredAsConstants to read it as a constant)");
                    }
                    warn(at, "parameter '" + n + "' has no value: it is read as an undeclared constant");
                    paramAt.put(n, at);
                    continue;
                }
                NameResolver scope = paramScope();
                double v = compiler.constant(d.expr(), scope, u -> all.containsKey(u)
                        ? "parameter '" + u + "' is used before its definition at " + Located.line(all.get(u))
                        : undeclared(u));
                Expr src = compiler.exprs().build(d.expr(), null);
                params.put(n, new Parameter(n, v, src instanceof Expr.Num ? null : src));
                paramAt.put(n, at);
            } catch (DslError e) {
                collect(e);
            }
        }
        stopIfErrors();
    }

    NameResolver paramScope() {
        return NameResolver.of(name -> -1, this::parameterValue);
    }

    /** The value of the parameter declared as {@code name} so far, or null. */
    Double parameterValue(String name) {
        Parameter p = params.get(name);
        return p == null ? null : p.value();
    }

    /** The error message for a name that is declared nowhere. */
    String undeclared(String name) {
        return "undeclared identifier '" + name + "'" + (options.undeclaredAsConstants() ? ""
                : " (declare it as a parameter or species, or parse with undeclaredAsConstants to read it as a constant)");
    }

    // ---- init ------------------------------------------------------------------------------------------------

    private void init(OdeLumpParser.InitSectionContext sec) {
        for (OdeLumpParser.SpeciesDeclContext d : sec.speciesDecl()) {
            String n = d.ident().getText();
            Token at = d.ident().start;
            try {
                int prev = species.indexOf(n);
                if (prev >= 0) {
                    throw loc.error(at, Kind.SEMANTIC, "duplicate species '" + n + "' (first declared at "
                            + Located.line(species.declaredAt(prev)) + ")");
                }
                if (paramAt.containsKey(n)) {
                    throw loc.error(at, Kind.SEMANTIC, "species '" + n + "' has the name of the parameter defined at "
                            + Located.line(paramAt.get(n)));
                }
                String display = d.STRING() == null ? null : unquote(d.STRING().getText());
                int i = species.add(n, display, at, false);
                if (d.expr() != null) {
                    double v = compiler.constant(d.expr(), paramScope(), initMessage());
                    Expr src = compiler.exprs().build(d.expr(), null);
                    species.setInitial(i, v, src);
                }
            } catch (DslError e) {
                collect(e);
            }
        }
        stopIfErrors();
    }

    private Function<String, String> initMessage() {
        return u -> species.indexOf(u) >= 0
                ? "an initial value may use parameters only, but '" + u + "' is a species"
                : undeclared(u);
    }

    static String unquote(String s) {
        return s.substring(1, s.length() - 1);
    }

    // ---- views -----------------------------------------------------------------------------------------------

    private List<View> views(OdeLumpParser.ViewsSectionContext sec) {
        List<View> out = new ArrayList<>();
        Map<String, Token> seen = new HashMap<>();
        ViewChecker checker = new ViewChecker(this);
        for (OdeLumpParser.ViewDeclContext d : sec.viewDecl()) {
            String n = d.ident().getText();
            try {
                if (seen.containsKey(n)) {
                    throw loc.error(d.ident().start, Kind.SEMANTIC, "duplicate view '" + n + "' (first defined at "
                            + Located.line(seen.get(n)) + ")");
                }
                seen.put(n, d.ident().start);
                out.add(new View(n, checker.check(d.expr())));
            } catch (DslError e) {
                collect(e);
            }
        }
        return out;
    }

}
