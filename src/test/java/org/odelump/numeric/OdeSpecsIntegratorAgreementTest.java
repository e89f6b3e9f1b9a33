package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.model.OdeSystem;

/**
 * On every model of {@code ode-specs/} that the explicit method integrates without detecting stiffness, the stiff
 * RODAS4 method gives the same trajectory: the two integrators are independent checks of each other.
 */
class OdeSpecsIntegratorAgreementTest {

    @Test
    void explicitAndStiffAgreeOnTheNonStiffModels() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Paths.get("ode-specs"))) {
            files = s.filter(p -> p.toString().endsWith(".ode")).sorted().toList();
        }
        List<String> compared = new ArrayList<>();
        List<String> stiff = new ArrayList<>();
        for (Path f : files) {
            OdeSystem m = OdeParser.parse(f).system();
            double[] grid = Simulator.grid(2.0, 20);
            GridSimulation.Result auto = new GridSimulation(m, null, grid,
                    new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-10, 1e-12)).compute();
            assertThat(auto.trajectory().status()).as(f.toString()).isEqualTo(Trajectory.Status.COMPLETED);
            if (auto.method() != IntegratorChoice.Method.DORMAND_PRINCE_853) {
                stiff.add(f.getFileName().toString());
                continue;
            }
            GridSimulation.Result rodas = new GridSimulation(m, null, grid,
                    new IntegratorChoice(IntegratorChoice.Mode.STIFF, 1e-10, 1e-12)).compute();
            assertThat(rodas.trajectory().status()).as(f.toString()).isEqualTo(Trajectory.Status.COMPLETED);
            for (int k = 0; k < grid.length; k++) {
                double[] a = auto.trajectory().state(k);
                double[] b = rodas.trajectory().state(k);
                double scale = 0;
                for (double v : a) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < a.length; i++) {
                    assertThat(Math.abs(a[i] - b[i])).as("%s: %s at t = %s", f.getFileName(),
                            m.variableNames().get(i), grid[k]).isLessThanOrEqualTo(1e-6 * Math.max(1, scale));
                }
            }
            compared.add(f.getFileName().toString());
        }
        assertThat(compared).as("non-stiff models compared").hasSizeGreaterThanOrEqualTo(15);
        assertThat(stiff).as("models the automatic choice integrated with RODAS4").contains("robertson.ode");
    }
}
