package org.odelump.nn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A small MNIST-like classification set made on the fly: 8×8 grey images of five glyphs — {@code bar} (vertical
 * stroke), {@code dash} (horizontal stroke), {@code slash} (diagonal), {@code box} (square outline) and
 * {@code plus} — each drawn with a random shift of up to one pixel in each direction and a random stroke intensity
 * in [0.6, 1], then every pixel gets Gaussian noise of standard deviation {@value #NOISE}. The 64 features are the
 * pixels row by row, named {@code p00..p77} (row, column); the targets are one-hot rows named by the glyphs.
 *
 * <p>Deterministic in the seed: {@code java.util.SplittableRandom(seed)}; per row one draw for the class, two for
 * the shift, one for the intensity, then 64 Gaussian draws in pixel order, so the first k rows do not depend on the
 * requested row count (each Gaussian draw takes two uniform draws).
 */
public final class GlyphDataset {

    /** The glyphs, in class order. */
    public static final List<String> CLASSES = List.of("bar", "dash", "slash", "box", "plus");
    /** Standard deviation of the pixel noise. */
    public static final double NOISE = 0.35;
    /** Image side in pixels. */
    public static final int SIDE = 8;

    private GlyphDataset() {
    }

    /** {@code rows} generated images with one-hot targets. */
    public static Dataset generate(int rows, long seed) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive: " + rows);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        double[][] y = new double[rows][CLASSES.size()];
        for (int r = 0; r < rows; r++) {
            int cls = rnd.nextInt(CLASSES.size());
            int dx = rnd.nextInt(3) - 1;
            int dy = rnd.nextInt(3) - 1;
            double ink = 0.6 + 0.4 * rnd.nextDouble();
            double[] img = new double[SIDE * SIDE];
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    if (inked(cls, i - dy, j - dx)) {
                        img[i * SIDE + j] = ink;
                    }
                }
            }
            for (int p = 0; p < img.length; p++) {
                img[p] += NOISE * gaussian(rnd);
            }
            x[r] = img;
            y[r][cls] = 1;
        }
        return new Dataset(pixelNames(), CLASSES, x, y);
    }

    /** Whether pixel (row i, column j) of the unshifted glyph is inked; the glyphs span rows and columns 1..6. */
    private static boolean inked(int cls, int i, int j) {
        if (i < 1 || i > 6 || j < 1 || j > 6) {
            return false;
        }
        return switch (cls) {
            case 0 -> j == 3 || j == 4;
            case 1 -> i == 3 || i == 4;
            case 2 -> i + j == 7 || i + j == 8;
            case 3 -> i == 1 || i == 6 || j == 1 || j == 6;
            default -> (i == 3 || i == 4) && j >= 2 && j <= 5 || (j == 3 || j == 4) && i >= 2 && i <= 5;
        };
    }

    /** A standard normal draw by the Box–Muller transform (two uniform draws). */
    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static List<String> pixelNames() {
        List<String> names = new ArrayList<>(SIDE * SIDE);
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                names.add(String.format(Locale.ROOT, "p%d%d", i, j));
            }
        }
        return names;
    }
}
