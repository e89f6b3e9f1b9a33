package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@link Plots#curves}: several named curves on one chart. */
class PlotsCurvesTest {

    @Test
    void drawsAPngWithNonFinitePointsLeftOut() throws Exception {
        byte[] png = Plots.curves("t", "parameters", "rmse", List.of(
                new Plots.Curve("a", new double[] {300, 100, 200}, new double[] {0.1, 1.0, Double.NaN}),
                new Plots.Curve("b", new double[] {300, 200}, new double[] {0.05, 0.2})));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(760);
        assertThat(img.getHeight()).isEqualTo(480);
    }

    @Test
    void panelsFillAnIncompleteGridRowWithBlankCharts() throws Exception {
        Plots.CurveChart one = new Plots.CurveChart("p", "x", "y", List.of(
                new Plots.Curve("a", new double[] {1, 2}, new double[] {0.5, 0.25})));
        Plots.CurveChart empty = new Plots.CurveChart("q", "x", "y", List.of());
        // 3 charts in rows of 2: the fourth cell is blank
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Plots.curvePanels(List.of(one, empty, one), 2)));
        assertThat(img.getWidth()).isEqualTo(2 * 620);
        assertThat(img.getHeight()).isEqualTo(2 * 440);
        BufferedImage row = ImageIO.read(new ByteArrayInputStream(Plots.curvePanels(List.of(one, one, one), 3)));
        assertThat(row.getWidth()).isEqualTo(3 * 620);
        assertThat(row.getHeight()).isEqualTo(440);
        assertThatThrownBy(() -> Plots.curvePanels(List.of(), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMismatchedLengthsAndNoCurves() {
        assertThatThrownBy(() -> new Plots.Curve("a", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x values, 1 y values");
        assertThatThrownBy(() -> Plots.curves("t", "x", "y", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
