package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.odelump.dsl.OdeParser;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.IntegratorChoice;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import org.odelump.numeric.TrajectoryCheck;

/**
 * Every {@code // expect: FE prepartition=user blocks={a, b}, {c}} line in {@code ode-specs/} is a known exact
 * reduction (verified independently when the model was written). Each is asserted here, and every reduction is
 * self-checked algebraically and by a short simulation.
 */
class OdeSpecsExpectationsTest {

    private static final Pattern EXPECT = Pattern.compile(
            "^//\\s*expect:\\s*(FE|BE)\\s+prepartition=(none|user|ic|user_ic)\\s+blocks=(.*)$");

    @TestFactory
    Stream<DynamicTest> everyExpectedReductionHolds() throws IOException {
        Path dir = Paths.get("ode-specs");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".ode")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        List<DynamicTest> tests = new ArrayList<>();
        int claims = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXPECT.matcher(lines.get(i).trim());
                if (!m.matches()) {
                    continue;
                }
                claims++;
                String where = file.getFileName() + ":" + (i + 1);
                Method method = Method.valueOf(m.group(1));
                String prep = m.group(2);
                String blocks = m.group(3);
                tests.add(DynamicTest.dynamicTest(where + " " + method + " " + prep,
                        () -> check(file, method, prep, blocks)));
            }
        }
        assertThat(claims).as("expect: lines in ode-specs").isGreaterThanOrEqualTo(24);
        return tests.stream();
    }

    private static void check(Path file, Method method, String prep, String blocks) throws IOException {
        OdeSystem m = OdeParser.parse(file).system();
        Set<Prepartition> kinds = switch (prep) {
            case "none" -> EnumSet.noneOf(Prepartition.class);
            case "user" -> EnumSet.of(Prepartition.USER);
            case "ic" -> EnumSet.of(Prepartition.IC);
            default -> EnumSet.of(Prepartition.USER, Prepartition.IC);
        };
        Partition initial = Prepartition.combine(m, kinds, List.of());
        LumpedSystem l = new Reduction(m, method, initial, prep, Tolerance.DEFAULT).compute();
        assertThat(l.partition().format(m.variableNames())).isEqualTo(normalise(blocks));
        assertThat(new LumpingCheck(l, 16, 7L, 1e-9).compute().passed()).isTrue();
        if (method == Method.FE || isBlockConstant(m, l.partition())) {
            // auto: stiff models (robertson.ode) are integrated with RODAS4
            TrajectoryCheck.Result traj = new TrajectoryCheck(l, Simulator.grid(0.5, 10),
                    Simulator.Options.DEFAULT.withIntegrator(IntegratorChoice.Mode.AUTO), 1e-6).compute();
            assertThat(traj.original().status()).isEqualTo(Trajectory.Status.COMPLETED);
            assertThat(traj.passed()).as(traj.detail()).isTrue();
        }
    }

    private static boolean isBlockConstant(OdeSystem m, Partition p) {
        for (int b = 0; b < p.size(); b++) {
            for (int v : p.block(b)) {
                if (m.initialValue(v) != m.initialValue(p.representative(b))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The claim's blocks in {@link Partition#format} form: blocks by first member, members in order. */
    private static String normalise(String blocks) {
        return blocks.trim().replaceAll("\\s*,\\s*", ", ").replaceAll("\\{\\s*", "{").replaceAll("\\s*}", "}");
    }
}
