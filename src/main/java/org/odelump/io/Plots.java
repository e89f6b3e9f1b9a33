package org.odelump.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots drawn with XChart, headless (the only XChart user). Returns the image bytes; callers write them.
 */
public final class Plots {

    /**
     * One small panel: original against reduced over time.
     *
     * @param title   panel title, e.g. the reduced variable and its block size
     * @param a       first series (e.g. the mapped original)
     * @param aName   its legend name
     * @param b       second series (e.g. the reduced model)
     * @param bName   its legend name
     */
    public record Panel(String title, double[] a, String aName, double[] b, String bName) {
    }

    private Plots() {
    }

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * A grid of panels sharing the x values, at most {@code columns} per row.
     *
     * @return PNG bytes
     */
    public static byte[] panels(double[] x, String xLabel, List<Panel> panels, int columns) {
        return panels(x, xLabel, null, panels, columns);
    }

    /**
     * A grid of panels sharing the x values and a y-axis label, at most {@code columns} per row. Tick labels switch
     * to scientific notation when a panel's values are tiny or huge, so that 1e-104 is not printed as 0.
     *
     * @param yLabel y-axis title of every panel, or null for none
     * @return PNG bytes
     */
    public static byte[] panels(double[] x, String xLabel, String yLabel, List<Panel> panels, int columns) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = (panels.size() + cols - 1) / cols;
        List<XYChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            XYChart c = new XYChartBuilder().width(420).height(300).title(p.title()).xAxisTitle(xLabel)
                    .yAxisTitle(yLabel == null ? "" : yLabel).build();
            style(c);
            c.getStyler().setYAxisDecimalPattern(tickPattern(p.a(), p.b()))
                    .setXAxisDecimalPattern("0.###")
                    .setXAxisLabelRotation(45);
            XYSeries s1 = c.addSeries(p.aName(), x, p.a());
            s1.setMarker(SeriesMarkers.NONE);
            XYSeries s2 = c.addSeries(p.bName(), x, p.b());
            s2.setMarker(SeriesMarkers.NONE);
            s2.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND,
                    10f, new float[] {6f, 4f}, 0f));
            charts.add(c);
        }
        fill(charts, rows * cols, 420, 300);
        return encode(charts, rows, cols);
    }

    /**
     * Two stacked panels against a parameter (e.g. ε): a size (e.g. blocks) and an error, the error on a log scale
     * when every value is positive; the x axis is logarithmic when every x is positive.
     *
     * @return PNG bytes
     */
    public static byte[] sweep(String title, String xLabel, double[] x, String sizeLabel, double[] size,
                               String errorLabel, double[] error) {
        boolean logX = allPositive(x);
        XYChart top = new XYChartBuilder().width(720).height(340).title(title).xAxisTitle(xLabel)
                .yAxisTitle(sizeLabel).build();
        style(top);
        top.getStyler().setXAxisLogarithmic(logX).setLegendVisible(false);
        top.addSeries(sizeLabel, x, size).setMarker(SeriesMarkers.CIRCLE);
        List<Double> ex = new ArrayList<>();
        List<Double> ey = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(error[i])) {
                ex.add(x[i]);
                ey.add(error[i]);
            }
        }
        XYChart bottom = new XYChartBuilder().width(720).height(340).title("").xAxisTitle(xLabel)
                .yAxisTitle(errorLabel).build();
        style(bottom);
        double[] eyArr = ey.stream().mapToDouble(Double::doubleValue).toArray();
        bottom.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(allPositive(eyArr) && eyArr.length > 0)
                .setLegendVisible(false);
        bottom.getStyler().setYAxisDecimalPattern("0.0##E0");
        if (ex.isEmpty()) {
            bottom.addSeries(errorLabel, new double[] {x[0]}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        } else {
            bottom.addSeries(errorLabel, ex.stream().mapToDouble(Double::doubleValue).toArray(), eyArr)
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        return encode(List.of(top, bottom), 2, 1);
    }

    /**
     * One named curve of {@link #curves}: points (x[i], y[i]); non-finite y values are left out.
     *
     * @param name legend name
     * @param x    x values
     * @param y    y values, as many as x
     */
    public record Curve(String name, double[] x, double[] y) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException(name + ": " + x.length + " x values, " + y.length + " y values");
            }
            x = x.clone();
            y = y.clone();
        }
    }

    /**
     * Several curves on the same axes (e.g. accuracy against parameter count for several compression methods),
     * markers and lines, the y axis logarithmic when every plotted value is positive.
     *
     * @return PNG bytes
     */
    public static byte[] curves(String title, String xLabel, String yLabel, List<Curve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        return encode(List.of(chart(new CurveChart(title, xLabel, yLabel, curves), 760, 480)), 1, 1);
    }

    /**
     * One chart of {@link #curvePanels}.
     *
     * @param title  chart title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param curves the curves (may be empty: the chart is drawn empty)
     */
    public record CurveChart(String title, String xLabel, String yLabel, List<Curve> curves) {
        public CurveChart {
            curves = List.copyOf(curves);
        }
    }

    /**
     * A grid of {@link #curves}-style charts, at most {@code columns} per row.
     *
     * @return PNG bytes
     */
    public static byte[] curvePanels(List<CurveChart> charts, int columns) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("nothing to plot");
        }
        int cols = Math.max(1, Math.min(columns, charts.size()));
        int rows = (charts.size() + cols - 1) / cols;
        List<XYChart> out = new ArrayList<>();
        for (CurveChart c : charts) {
            out.add(chart(c, 620, 440));
        }
        fill(out, rows * cols, 620, 440);
        return encode(out, rows, cols);
    }

    static XYChart chart(CurveChart k, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(k.title()).xAxisTitle(k.xLabel())
                .yAxisTitle(k.yLabel()).build();
        style(c);
        boolean logY = true;
        int plotted = 0;
        for (Curve curve : k.curves()) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < curve.x().length; i++) {
                if (Double.isFinite(curve.y()[i]) && Double.isFinite(curve.x()[i])) {
                    pts.add(new double[] {curve.x()[i], curve.y()[i]});
                    logY &= curve.y()[i] > 0;
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            c.addSeries(curve.name(), pts.stream().mapToDouble(a -> a[0]).toArray(),
                    pts.stream().mapToDouble(a -> a[1]).toArray());
            plotted++;
        }
        if (plotted == 0) {
            c.addSeries(" ", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            logY = false;
        }
        c.getStyler().setYAxisLogarithmic(logY).setYAxisLogarithmicDecadeOnly(false)
                .setLegendPosition(Styler.LegendPosition.InsideNE);
        return c;
    }

    /** Tick labels with a leading zero, scientific when the largest magnitude is below 1e-3 or at least 1e5. */
    static String tickPattern(double[]... series) {
        double max = 0.0;
        for (double[] v : series) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    max = Math.max(max, Math.abs(d));
                }
            }
        }
        return max > 0 && (max < 1e-3 || max >= 1e5) ? "0.##E0" : "0.####";
    }

    private static boolean allPositive(double[] v) {
        for (double d : v) {
            if (!(d > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Blank charts until the grid is full (XChart's grid encoder needs exactly rows × columns charts). */
    private static void fill(List<XYChart> charts, int cells, int width, int height) {
        while (charts.size() < cells) {
            XYChart c = new XYChartBuilder().width(width).height(height).title("").build();
            style(c);
            c.getStyler().setAxisTicksVisible(false).setPlotBorderVisible(false).setLegendVisible(false);
            c.addSeries(" ", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            charts.add(c);
        }
    }

    private static void style(XYChart c) {
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE).setChartBackgroundColor(java.awt.Color.WHITE);
    }

    static byte[] encode(List<XYChart> charts, int rows, int cols) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(charts, rows, cols, out, BitmapEncoder.BitmapFormat.PNG);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
