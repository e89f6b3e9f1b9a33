package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
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
    void drawsEveryFiniteCurveSortedByXOnALogAxisInItsOwnColour() throws Exception {
        XYChart c = Plots.chart(new Plots.CurveChart("t", "parameters", "rmse", List.of(
                new Plots.Curve("a", new double[] {300, 100, 200}, new double[] {0.1, 1.0, Double.NaN}),
                new Plots.Curve("b", new double[] {300, 200}, new double[] {0.05, 0.2}),
                new Plots.Curve("c", new double[] {1}, new double[] {Double.NaN}))), 760, 480);
        // the point with NaN is left out, the others are sorted by x; a curve without finite points is not drawn
        assertThat(c.getSeriesCollection()).extracting(XYSeries::getName).containsExactly("a", "b");
        XYSeries a = c.getSeries("a");
        assertThat(a.getXData()).containsExactly(100, 300);
        assertThat(a.getYData()).containsExactly(1.0, 0.1);
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(c.getTitle()).isEqualTo("t");
        assertThat(c.getXAxisTitle()).isEqualTo("parameters");
        assertThat(c.getYAxisTitle()).isEqualTo("rmse");

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Plots.encode(List.of(c), 1, 1)));
        for (XYSeries s : c.getSeriesCollection()) {
            assertThat(pixels(img, s.getLineColor(), 0, 0, img.getWidth(), img.getHeight()))
                    .as("pixels in the colour of curve %s", s.getName()).isGreaterThan(50);
        }

        XYChart linear = Plots.chart(new Plots.CurveChart("t", "x", "y", List.of(
                new Plots.Curve("a", new double[] {1, 2}, new double[] {0.0, 1.0}))), 760, 480);
        assertThat(linear.getStyler().isYAxisLogarithmic()).as("a zero value needs a linear axis").isFalse();
    }

    @Test
    void panelsDrawTheirCurvesAndLeaveTheFillerCellEmpty() throws Exception {
        Plots.CurveChart one = new Plots.CurveChart("p", "x", "y", List.of(
                new Plots.Curve("a", new double[] {1, 2}, new double[] {0.5, 0.25})));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Plots.curvePanels(List.of(one, one, one), 2)));
        XYChart drawn = Plots.chart(one, 620, 440);
        Plots.encode(List.of(drawn), 1, 1);
        java.awt.Color colour = drawn.getSeries("a").getLineColor();
        assertThat(pixels(img, colour, 0, 440, 620, 880)).as("third chart, bottom left").isGreaterThan(20);
        assertThat(pixels(img, colour, 620, 440, 1240, 880)).as("blank filler, bottom right").isZero();
    }

    /**
     * Pixels of this colour, as drawn on the white background (XChart's series colours are translucent), within 2
     * per channel, in the rectangle [x0, x1) × [y0, y1) (clipped to the image).
     */
    private static int pixels(BufferedImage img, java.awt.Color colour, int x0, int y0, int x1, int y1) {
        double alpha = colour.getAlpha() / 255.0;
        int[] want = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        for (int k = 0; k < 3; k++) {
            want[k] = (int) Math.round(alpha * want[k] + (1 - alpha) * 255);
        }
        int count = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 0xFF) - want[0]) <= 2 && Math.abs((rgb >> 8 & 0xFF) - want[1]) <= 2
                        && Math.abs((rgb & 0xFF) - want[2]) <= 2) {
                    count++;
                }
            }
        }
        return count;
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
