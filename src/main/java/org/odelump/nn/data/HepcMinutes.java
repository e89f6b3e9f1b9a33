package org.odelump.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.odelump.io.TableFormatException;

/**
 * Reads UCI's raw household power file ({@link UciDataset#HEPC}) line by line and sums it per clock hour, leaving
 * out every hour with a missing ({@code ?}) value. Minutes of one hour are contiguous in the file; a time stamp that
 * goes backwards is an error with its line and column.
 */
final class HepcMinutes {

    private static final List<String> HEADER = List.of("Date", "Time", "Global_active_power",
            "Global_reactive_power", "Voltage", "Global_intensity", "Sub_metering_1", "Sub_metering_2",
            "Sub_metering_3");

    /** Fields summed into the features, in {@link UciDataset#hepcFeatures()} order; field 2 is the target. */
    private static final int[] MEASUREMENTS = {3, 4, 6, 7, 8};
    private static final int TARGET = 2;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d/M/yyyy H:mm:ss",
            Locale.ROOT);

    private HepcMinutes() {
    }

    static Dataset aggregate(BufferedReader in, String source) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new TableFormatException(source, 1, 1, "empty file; expected the header " + String.join(";",
                    HEADER));
        }
        if (!List.of(header.strip().split(";", -1)).equals(HEADER)) {
            throw new TableFormatException(source, 1, 1, "expected the header " + String.join(";", HEADER)
                    + ", found '" + header + "'");
        }
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        LocalDateTime hour = null;
        LocalDateTime last = null;
        double[] sums = new double[HEADER.size()];
        boolean missing = false;
        int lineNo = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != HEADER.size()) {
                throw new TableFormatException(source, lineNo, 1, "expected " + HEADER.size()
                        + " fields separated by ';', found " + f.length);
            }
            LocalDateTime t;
            try {
                t = LocalDateTime.parse(f[0].strip() + " " + f[1].strip(), DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new TableFormatException(source, lineNo, 1, "expected a date d/M/yyyy and a time HH:mm:ss, "
                        + "found '" + f[0] + ";" + f[1] + "'");
            }
            if (last != null && !t.isAfter(last)) {
                throw new TableFormatException(source, lineNo, 1, "time " + t + " does not follow " + last);
            }
            last = t;
            LocalDateTime h = t.truncatedTo(ChronoUnit.HOURS);
            if (!h.equals(hour)) {
                if (hour != null && !missing) {
                    emit(hour, sums, xs, ys);
                }
                hour = h;
                sums = new double[HEADER.size()];
                missing = false;
            }
            int column = f[0].length() + f[1].length() + 3;
            for (int k = 2; k < f.length; k++) {
                String v = f[k].strip();
                if (v.equals("?") || v.isEmpty()) {
                    missing = true;
                } else {
                    try {
                        sums[k] += Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new TableFormatException(source, lineNo, column, "expected a number or '?' in "
                                + HEADER.get(k) + ", found '" + f[k] + "'");
                    }
                }
                column += f[k].length() + 1;
            }
        }
        if (hour != null && !missing) {
            emit(hour, sums, xs, ys);
        }
        double[][] y = new double[ys.size()][];
        for (int r = 0; r < y.length; r++) {
            y[r] = new double[] {ys.get(r)};
        }
        return new Dataset(UciDataset.hepcFeatures(), List.of("Global_active_power"), xs.toArray(new double[0][]),
                y);
    }

    private static void emit(LocalDateTime hour, double[] sums, List<double[]> xs, List<Double> ys) {
        double[] m = new double[MEASUREMENTS.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = sums[MEASUREMENTS[k]];
        }
        double[] x = new double[UciDataset.hepcFeatures().size()];
        UciDataset.hepcRow(x, m, hour);
        xs.add(x);
        ys.add(sums[TARGET]);
    }
}
