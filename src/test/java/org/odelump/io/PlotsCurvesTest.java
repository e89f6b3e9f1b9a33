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
    void rejectsMismatchedLengthsAndNoCurves() {
        assertThatThrownBy(() -> new Plots.Curve("a", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x values, 1 y values");
        assertThatThrownBy(() -> Plots.curves("t", "x", "y", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
