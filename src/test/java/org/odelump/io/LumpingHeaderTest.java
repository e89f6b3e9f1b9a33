package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.EpsilonSettings;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

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

    @Test
    void readsBackWhatItWritesForExactAndApproximateReductions() {
        OdeSystem m = OdeParser.parse(Path.of("ode-specs/circuit_hub_tolerances.ode")).system();
        LumpedSystem exact = new Reduction(m, Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute();
        LumpingHeader h = LumpingHeader.read("r.ode", comments(exact));
        assertThat(h.method()).isEqualTo(Method.FE);
        assertThat(h.properties()).containsEntry("initial", "NONE").containsEntry("tolerance", "1.0E-12")
                .doesNotContainKey("epsilon");
        assertThat(h.blocks()).hasSize((int) count(exact.partition()));

        Partition ic = Prepartition.combine(m, List.of(Prepartition.IC), List.of());
        LumpedSystem approx = new ApproximateReduction(m, Method.BE, ic, "IC", new EpsilonSettings(0.3,
                EpsilonMode.ABS, Grouping.DIAMETER, Tolerance.DEFAULT)).computeNearestByCoefficients().lumped();
        LumpingHeader a = LumpingHeader.read("r.ode", comments(approx));
        assertThat(a.method()).isEqualTo(Method.BE);
        assertThat(a.properties()).containsEntry("epsilon", "0.3").containsEntry("epsilon-mode", "abs")
                .containsEntry("grouping", "diameter").containsEntry("quotient", "nearest")
                .containsEntry("perturbed", "coefficients").containsEntry("initial", "IC");
        List<String> names = m.variableNames();
        for (int b = 0; b < approx.partition().size(); b++) {
            int[] members = approx.partition().block(b);
            if (members.length > 1) {
                assertThat(a.blocks().get(names.get(members[0])))
                        .containsExactlyElementsOf(java.util.Arrays.stream(members).mapToObj(names::get).toList());
            }
        }
        assertThat(count(approx.partition())).isPositive();
    }

    private static String comments(LumpedSystem l) {
        StringBuilder sb = new StringBuilder();
        for (String line : LumpingHeader.lines(l)) {
            sb.append("// ").append(line).append('\n');
        }
        return sb.toString();
    }

    private static long count(Partition p) {
        return java.util.stream.IntStream.range(0, p.size()).filter(b -> p.blockSize(b) > 1).count();
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
