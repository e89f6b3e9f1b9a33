package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@link Plots#panels}: tick labels stay readable for values at 1e-100 and for ordinary ones. */
class PlotsPanelsTest {

    @Test
    void tinyAndHugeValuesGetScientificTicksOrdinaryOnesALeadingZero() {
        assertThat(Plots.tickPattern(new double[] {0, 4.3e-104}, new double[] {0, 4.2e-104})).isEqualTo("0.##E0");
        assertThat(Plots.tickPattern(new double[] {0, 2e5})).isEqualTo("0.##E0");
        assertThat(Plots.tickPattern(new double[] {0, 0.015})).isEqualTo("0.####");
        assertThat(Plots.tickPattern(new double[] {0, 0})).isEqualTo("0.####");
    }

    @Test
    void panelsWithAYAxisLabelDrawAPng() throws Exception {
        double[] t = {0, 1, 2};
        byte[] png = Plots.panels(t, "t", "block sum", List.of(
                new Plots.Panel("s34 (1 var) abs 2.3e-108 rel 2.7e-05", new double[] {0, 1e-105, 8e-104}, "original",
                        new double[] {0, 1e-105, 8.1e-104}, "lumped")), 2);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(420);
    }
}
