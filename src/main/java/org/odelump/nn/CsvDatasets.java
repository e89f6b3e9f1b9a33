package org.odelump.nn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.odelump.io.DelimitedText;
import org.odelump.io.TableFormatException;

/**
 * Reads a numeric regression table from comma-separated text with a header line: the named target columns become
 * the targets, every other column a feature (in file order). Every cell must be a finite number; a bad cell or a
 * missing column is a {@link TableFormatException} saying {@code file:line:column}.
 */
public final class CsvDatasets {

    private CsvDatasets() {
    }

    /** Reads {@code file} (UTF-8); the source name in errors is the file name as given. */
    public static Dataset read(Path file, List<String> targetColumns) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), targetColumns);
    }

    /** Parses CSV {@code text}; {@code source} names it in error messages. */
    public static Dataset parse(String text, String source, List<String> targetColumns) {
        DelimitedText t = DelimitedText.parse(text, source, ',', true);
        if (targetColumns.isEmpty()) {
            throw new IllegalArgumentException("name at least one target column");
        }
        List<Integer> targetIdx = new ArrayList<>();
        for (String name : targetColumns) {
            targetIdx.add(t.columnIndex(name));
        }
        List<Integer> featureIdx = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        for (int k = 0; k < t.header().size(); k++) {
            if (!targetIdx.contains(k)) {
                featureIdx.add(k);
                featureNames.add(t.header().get(k));
            }
        }
        if (featureIdx.isEmpty()) {
            throw new TableFormatException(source, 1, 0, "no feature columns left besides the targets");
        }
        int n = t.rows().size();
        double[][] x = new double[n][featureIdx.size()];
        double[][] y = new double[n][targetIdx.size()];
        for (int r = 0; r < n; r++) {
            DelimitedText.Row row = t.rows().get(r);
            for (int c = 0; c < featureIdx.size(); c++) {
                x[r][c] = t.number(row, featureIdx.get(c));
            }
            for (int c = 0; c < targetIdx.size(); c++) {
                y[r][c] = t.number(row, targetIdx.get(c));
            }
        }
        return new Dataset(featureNames, targetColumns, x, y);
    }
}
