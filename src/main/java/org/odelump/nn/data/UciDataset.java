package org.odelump.nn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.odelump.io.DelimitedText;
import org.odelump.io.TableFormatException;

/**
 * The four real regression benchmarks of the evaluation, read from their original UCI file layouts, with the
 * feature engineering fixed here. Each constant names the file it reads; {@link #load(Path)} looks for it as
 * {@code DIR/<folder>/<file>} (the layout of {@code ../shared/datasets}) or {@code DIR/<file>}. Rows are kept in
 * file order; nothing is imputed, and only {@link #HEPC} drops rows (hours with missing values). Users download the files from the UCI Machine Learning Repository
 * (ids 1, 265, 492 and 235). HEPC has two constants: the raw minute file UCI distributes ({@link #HEPC}) and an
 * hourly aggregate of it ({@link #HEPC_HOURLY}); both give the same features.
 */
public enum UciDataset {

    /**
     * Abalone (UCI id 1, Nash et al. 1994), {@code abalone.data}: comma separated, no header, 4177 rows of Sex
     * (M/F/I), Length, Diameter, Height, Whole_weight, Shucked_weight, Viscera_weight, Shell_weight, Rings.
     * Features: Sex one-hot as {@code sex_M, sex_F, sex_I}, then the seven measurements unchanged (10 features).
     * Target: {@code Rings} (age in years is Rings + 1.5).
     */
    ABALONE("abalone", "abalone.data"),

    /**
     * Physicochemical Properties of Protein Tertiary Structure (CASP, UCI id 265), {@code CASP.csv}: header
     * {@code RMSD,F1,…,F9}, 45730 rows. Features F1…F9 unchanged; target {@code RMSD} (Å).
     */
    PROTEIN("protein", "CASP.csv"),

    /**
     * Metro Interstate Traffic Volume (UCI id 492), {@code Metro_Interstate_Traffic_Volume.csv}: header
     * {@code holiday,temp,rain_1h,snow_1h,clouds_all,weather_main,weather_description,date_time,traffic_volume},
     * 48204 hourly rows (2012-10-02 … 2018-09-30). Features: {@code temp} (K), {@code rain_1h}, {@code snow_1h}
     * (mm), {@code clouds_all} (%) unchanged (outliers such as temp = 0 K are kept); {@code holiday} as a 0/1 flag
     * set on every row of a calendar date for which any row names a holiday (UCI writes the name only on the
     * midnight row, "None" elsewhere); {@code hour} (0–23), {@code day_of_week} (1 = Monday … 7) and
     * {@code month} (1–12) from {@code date_time}; {@code weather_main} one-hot as {@code weather_<value>} over the
     * values present in the file, in sorted order. {@code weather_description} is dropped (a refinement of
     * weather_main). Hours with several weather rows stay duplicated, as in the original. Target:
     * {@code traffic_volume} (vehicles per hour).
     */
    METRO("metro", "Metro_Interstate_Traffic_Volume.csv"),

    /**
     * Individual Household Electric Power Consumption (UCI id 235), HOURLY AGGREGATE
     * {@code household_power_consumption_hourly.csv}: header {@code datetime,Global_active_power,
     * Global_reactive_power,Voltage,Global_intensity,Sub_metering_1,Sub_metering_2,Sub_metering_3}, one row per
     * hour whose values are sums over that hour's minutes (34589 rows, 2006-12-16 17:00 … 2010-11-26 21:00). The
     * aggregation was made by a third party (gaps pre-filled by an undocumented method); {@link #HEPC} reads UCI's
     * raw minute file instead. Features: {@code Global_reactive_power}, {@code Voltage},
     * {@code Sub_metering_1..3}, then {@code hour}, {@code day_of_week} (1 = Monday) and {@code month} from
     * {@code datetime}. Target: {@code Global_active_power}. {@code Global_intensity} is excluded: the current
     * is the apparent power divided by the nearly constant voltage, so it is almost exactly proportional to the
     * target and would make the regression trivial.
     */
    HEPC_HOURLY("hepc", "household_power_consumption_hourly.csv"),

    /**
     * Individual Household Electric Power Consumption (UCI id 235), the RAW minute file
     * {@code household_power_consumption.txt} as UCI distributes it: semicolon separated, header {@code Date;Time;
     * Global_active_power;Global_reactive_power;Voltage;Global_intensity;Sub_metering_1;Sub_metering_2;
     * Sub_metering_3}, dates d/M/yyyy and times HH:mm:ss, missing values written {@code ?} (2,075,259 minutes,
     * 2006-12-16 17:24 … 2010-11-26 21:02). Aggregated here to the layout of {@link #HEPC_HOURLY}: one row per
     * clock hour holding the sums of every column over that hour's minutes (the first and last hour are partial, as
     * in the file). An hour in which any minute has a missing value is left out, rather than filled. Features and
     * target then as for {@link #HEPC_HOURLY}. The file is read line by line (it is about 127 MB).
     */
    HEPC("hepc", "household_power_consumption.txt");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final String folder;
    private final String fileName;

    UciDataset(String folder, String fileName) {
        this.folder = folder;
        this.fileName = fileName;
    }

    /** The file name of the UCI layout this loader reads. */
    public String fileName() {
        return fileName;
    }

    /** The sub-folder of a data directory the file is looked for in first. */
    public String folder() {
        return folder;
    }

    /** {@code dir/<folder>/<file>} if it exists, else {@code dir/<file>}. */
    public Path locate(Path dataDir) {
        Path nested = dataDir.resolve(folder).resolve(fileName);
        return Files.isRegularFile(nested) ? nested : dataDir.resolve(fileName);
    }

    /** Loads the dataset from a data directory (see {@link #locate}). */
    public Dataset load(Path dataDir) throws IOException {
        Path file = locate(dataDir);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + fileName + " in " + dataDir + " or " + dataDir.resolve(folder)
                    + "; download it from the UCI Machine Learning Repository");
        }
        if (this == HEPC) {
            try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return HepcMinutes.aggregate(in, file.toString());
            }
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses the text of this dataset's file; {@code source} names it in error messages. */
    public Dataset parse(String text, String source) {
        return switch (this) {
            case ABALONE -> abalone(text, source);
            case PROTEIN -> CsvDatasets.parse(text, source, List.of("RMSD"));
            case METRO -> metro(text, source);
            case HEPC_HOURLY -> hepc(text, source);
            case HEPC -> {
                try {
                    yield HepcMinutes.aggregate(new java.io.BufferedReader(new java.io.StringReader(text)), source);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    private static Dataset abalone(String text, String source) {
        DelimitedText t = DelimitedText.parse(text, source, ',', false);
        List<String> names = List.of("sex_M", "sex_F", "sex_I", "Length", "Diameter", "Height", "Whole_weight",
                "Shucked_weight", "Viscera_weight", "Shell_weight");
        int n = t.rows().size();
        double[][] x = new double[n][names.size()];
        double[][] y = new double[n][1];
        for (int r = 0; r < n; r++) {
            DelimitedText.Row row = t.rows().get(r);
            if (row.size() != 9) {
                throw new TableFormatException(source, row.line(), 0, "expected 9 fields (Sex, 7 measurements,"
                        + " Rings), found " + row.size());
            }
            int sex = switch (row.cell(0).trim()) {
                case "M" -> 0;
                case "F" -> 1;
                case "I" -> 2;
                default -> throw new TableFormatException(source, row.line(), row.column(0),
                        "expected Sex M, F or I, found '" + row.cell(0) + "'");
            };
            x[r][sex] = 1;
            for (int k = 1; k <= 7; k++) {
                x[r][2 + k] = t.number(row, k);
            }
            y[r][0] = t.number(row, 8);
        }
        return new Dataset(names, List.of("Rings"), x, y);
    }

    private static LocalDateTime stamp(DelimitedText t, DelimitedText.Row row, int k) {
        try {
            return LocalDateTime.parse(row.cell(k).trim(), STAMP);
        } catch (DateTimeParseException e) {
            throw new TableFormatException(t.source(), row.line(), row.column(k),
                    "expected a time stamp yyyy-MM-dd HH:mm:ss, found '" + row.cell(k) + "'");
        }
    }

    private static void calendar(double[] x, int at, LocalDateTime s) {
        x[at] = s.getHour();
        x[at + 1] = s.getDayOfWeek().getValue();
        x[at + 2] = s.getMonthValue();
    }

    private static Dataset metro(String text, String source) {
        DelimitedText t = DelimitedText.parse(text, source, ',', true);
        int holiday = t.columnIndex("holiday");
        int[] numeric = {t.columnIndex("temp"), t.columnIndex("rain_1h"), t.columnIndex("snow_1h"),
            t.columnIndex("clouds_all")};
        int weather = t.columnIndex("weather_main");
        int time = t.columnIndex("date_time");
        int target = t.columnIndex("traffic_volume");
        int n = t.rows().size();
        LocalDateTime[] stamps = new LocalDateTime[n];
        Set<java.time.LocalDate> holidays = new HashSet<>();
        TreeSet<String> kinds = new TreeSet<>();
        for (int r = 0; r < n; r++) {
            DelimitedText.Row row = t.rows().get(r);
            stamps[r] = stamp(t, row, time);
            String h = row.cell(holiday).trim();
            if (!h.isEmpty() && !h.equals("None")) {
                holidays.add(stamps[r].toLocalDate());
            }
            String w = row.cell(weather).trim();
            if (w.isEmpty()) {
                throw new TableFormatException(source, row.line(), row.column(weather), "empty weather_main");
            }
            kinds.add(w);
        }
        List<String> kindList = new ArrayList<>(kinds);
        List<String> names = new ArrayList<>(List.of("temp", "rain_1h", "snow_1h", "clouds_all", "holiday", "hour",
                "day_of_week", "month"));
        for (String k : kindList) {
            names.add("weather_" + k);
        }
        double[][] x = new double[n][names.size()];
        double[][] y = new double[n][1];
        for (int r = 0; r < n; r++) {
            DelimitedText.Row row = t.rows().get(r);
            for (int k = 0; k < numeric.length; k++) {
                x[r][k] = t.number(row, numeric[k]);
            }
            x[r][4] = holidays.contains(stamps[r].toLocalDate()) ? 1 : 0;
            calendar(x[r], 5, stamps[r]);
            x[r][8 + kindList.indexOf(row.cell(weather).trim())] = 1;
            y[r][0] = t.number(row, target);
        }
        return new Dataset(names, List.of("traffic_volume"), x, y);
    }

    /** The HEPC features: the five measurements that are not the target or the current, then the calendar. */
    static List<String> hepcFeatures() {
        return List.of("Global_reactive_power", "Voltage", "Sub_metering_1", "Sub_metering_2", "Sub_metering_3",
                "hour", "day_of_week", "month");
    }

    /** One HEPC row: the five measurements and the hour's time stamp into the features. */
    static void hepcRow(double[] x, double[] measurements, LocalDateTime hour) {
        System.arraycopy(measurements, 0, x, 0, measurements.length);
        calendar(x, measurements.length, hour);
    }

    private static Dataset hepc(String text, String source) {
        DelimitedText t = DelimitedText.parse(text, source, ',', true);
        List<String> numericNames = List.of("Global_reactive_power", "Voltage", "Sub_metering_1", "Sub_metering_2",
                "Sub_metering_3");
        int[] numeric = new int[numericNames.size()];
        for (int k = 0; k < numeric.length; k++) {
            numeric[k] = t.columnIndex(numericNames.get(k));
        }
        int time = t.columnIndex("datetime");
        int target = t.columnIndex("Global_active_power");
        List<String> names = hepcFeatures();
        int n = t.rows().size();
        double[][] x = new double[n][names.size()];
        double[][] y = new double[n][1];
        for (int r = 0; r < n; r++) {
            DelimitedText.Row row = t.rows().get(r);
            double[] m = new double[numeric.length];
            for (int k = 0; k < numeric.length; k++) {
                m[k] = t.number(row, numeric[k]);
            }
            hepcRow(x[r], m, stamp(t, row, time));
            y[r][0] = t.number(row, target);
        }
        return new Dataset(names, List.of("Global_active_power"), x, y);
    }
}
