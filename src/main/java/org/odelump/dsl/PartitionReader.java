package org.odelump.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.odelump.model.Diagnostic.Kind;

/** Reads the {@code partition} section: blocks of declared species, no species in two blocks. */
final class PartitionReader {

    private final ModelBuilder mb;

    PartitionReader(ModelBuilder mb) {
        this.mb = mb;
    }

    List<List<Integer>> read(OdeLumpParser.PartitionSectionContext sec) {
        Map<Integer, Token> seen = new HashMap<>();
        List<List<Integer>> blocks = new ArrayList<>();
        for (OdeLumpParser.BlockContext b : sec.block()) {
            List<Integer> block = new ArrayList<>();
            for (OdeLumpParser.IdentContext id : b.ident()) {
                String n = id.getText();
                int i = mb.species.indexOf(n);
                try {
                    if (i < 0 || mb.species.isExtra(i)) {
                        throw mb.loc().error(id.start, Kind.SEMANTIC, "species '" + n
                                + "' in the partition is not declared");
                    }
                    if (seen.containsKey(i)) {
                        throw mb.loc().error(id.start, Kind.SEMANTIC, "species '" + n
                                + "' is in two partition blocks (first at " + Located.line(seen.get(i)) + ")");
                    }
                    seen.put(i, id.start);
                    block.add(i);
                } catch (DslError e) {
                    mb.collect(e);
                }
            }
            if (!block.isEmpty()) {
                blocks.add(block);
            }
        }
        return blocks;
    }
}
