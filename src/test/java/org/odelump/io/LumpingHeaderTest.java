package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.odelump.model.LumpedSystem.Method;

class LumpingHeaderTest {

    @Test
    void readsMethodBlocksAndProperties() {
        LumpingHeader h = LumpingHeader.read("r.ode", """
                // Reduced by odelump
                  //odelump-lumping: method=BE
                // odelump-approximation: epsilon=0.1 epsilon-mode=rel grouping=diameter
                // odelump-block: S10 = S10 + S01
                // odelump-block: a = a+b+c
                begin model m
                end model
                """);
        assertThat(h.method()).isEqualTo(Method.BE);
        assertThat(h.blocks()).containsExactly(java.util.Map.entry("S10", List.of("S10", "S01")),
                java.util.Map.entry("a", List.of("a", "b", "c")));
        assertThat(h.properties()).containsEntry("epsilon", "0.1").containsEntry("grouping", "diameter");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "// nothing here#r.ode: no '// odelump-lumping: method=FE|BE' line; this file was not written by odelump "
                + "reduce (or its header was removed), so it is unknown how its variables relate to the original's",
        "// odelump-lumping: kind=FE#r.ode:1: expected method=FE or method=BE",
        "// odelump-lumping: method=XE#r.ode:1: unknown method 'XE', expected FE or BE",
        "// odelump-lumping: method=FE junk#r.ode:1: expected key=value, found 'junk'",
        "// odelump-block: a + b#r.ode:1: expected 'REDUCED = A + B + ...' after odelump-block:",
        "// odelump-block: 1a = b#r.ode:1: expected a variable name before '=', found '1a'",
        "// odelump-block: a = b + #r.ode:1: expected a variable name in the block of a, found ''",
    })
    void badLinesNameFileAndLine(String line, String message) {
        assertThatThrownBy(() -> LumpingHeader.read("r.ode", line.replace("\\n", "\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void secondLumpingLineIsAnError() {
        assertThatThrownBy(() -> LumpingHeader.read("r.ode", "// odelump-lumping: method=FE\n"
                + "// odelump-lumping: method=BE\n")).hasMessage("r.ode:2: a second odelump-lumping line");
    }
}
