package org.odelump.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.odelump.model.Diagnostic.Kind;

/** Internal: the sections of one model, each at most once, and its commands. */
final class Sections {

    private static final Set<String> UNSUPPORTED = Set.of("symbolic", "alginit", "algebraic", "constraints");

    OdeLumpParser.ParamsSectionContext params;
    OdeLumpParser.InitSectionContext init;
    OdeLumpParser.PartitionSectionContext partition;
    OdeLumpParser.ReactionsSectionContext reactions;
    OdeLumpParser.OdeSectionContext ode;
    OdeLumpParser.ViewsSectionContext views;
    final List<OdeLumpParser.CommandContext> commands = new ArrayList<>();

    static Sections of(OdeLumpParser.ModelContext m, ModelBuilder b) {
        Sections s = new Sections();
        Located loc = b.loc();
        for (OdeLumpParser.ModelItemContext item : m.modelItem()) {
            if (item.paramsSection() != null) {
                s.params = once(s.params, item.paramsSection(), "parameters", loc);
            } else if (item.initSection() != null) {
                s.init = once(s.init, item.initSection(), "init", loc);
            } else if (item.partitionSection() != null) {
                s.partition = once(s.partition, item.partitionSection(), "partition", loc);
            } else if (item.reactionsSection() != null) {
                s.reactions = once(s.reactions, item.reactionsSection(), "reactions", loc);
            } else if (item.odeSection() != null) {
                s.ode = once(s.ode, item.odeSection(), "ODE", loc);
            } else if (item.viewsSection() != null) {
                s.views = once(s.views, item.viewsSection(), "views", loc);
            } else if (item.otherSection() != null) {
                OdeLumpParser.OtherSectionContext o = item.otherSection();
                String word = o.ID(0).getText();
                if (UNSUPPORTED.contains(word)) {
                    String full = word.equals("symbolic") ? "symbolic parameters" : word;
                    throw loc.error(o.start, Kind.UNSUPPORTED, "section 'begin " + full
                            + "' is not supported: odelump reads numeric polynomial ODEs and reaction networks");
                }
                throw loc.error(o.start, Kind.SEMANTIC, "unknown section 'begin " + word
                        + "', expected parameters, init, partition, reactions, ODE or views");
            } else {
                s.commands.add(item.command());
            }
        }
        if (s.ode != null && s.reactions != null) {
            ParserRuleContext later = s.ode.start.getTokenIndex() > s.reactions.start.getTokenIndex() ? s.ode : s.reactions;
            throw loc.error(later.start, Kind.SEMANTIC,
                    "a model has either a reactions section or an ODE section, not both");
        }
        return s;
    }

    private static <T extends ParserRuleContext> T once(T prev, T now, String name, Located loc) {
        if (prev != null) {
            throw loc.error(now.start, Kind.SEMANTIC, "duplicate section 'begin " + name + "' (the first is at "
                    + Located.line(prev.start) + ")");
        }
        return now;
    }
}
