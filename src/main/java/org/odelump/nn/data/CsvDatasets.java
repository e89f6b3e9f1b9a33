package org.odelump.nn.data;

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

    /**
     * Reads a classification table: {@code labelColumn} holds class labels (any text, e.g. {@code 3} or
     * {@code cat}), every other column is a numeric feature. The targets are one-hot rows, one column per class,
     * named by the class labels. {@code classes} fixes the classes and their order (a network's labels); when it is
     * empty the classes are the distinct labels found, in numeric order when every label is a number and in text
     * order otherwise. A label outside {@code classes} is a {@link TableFormatException} at its cell.
     */
    public static Dataset readLabelled(Path file, String labelColumn, List<String> classes) throws IOException {
        return parseLabelled(Files.readString(file, StandardCharsets.UTF_8), file.toString(), labelColumn, classes);
    }

    /** Parses classification CSV {@code text} as {@link #readLabelled} does; {@code source} names it in errors. */
    public static Dataset parseLabelled(String text, String source, String labelColumn, List<String> classes) {
        DelimitedText t = DelimitedText.parse(text, source, ',', true);
        int target = t.columnIndex(labelColumn);
        List<String> labels = new ArrayList<>(classes);
        if (labels.isEmpty()) {
            java.util.SortedSet<String> found = new java.util.TreeSet<>(CsvDatasets::compareLabels);
            for (DelimitedText.Row row : t.rows()) {
                found.add(row.cell(target).strip());
            }
            labels.addAll(found);
        }
        if (t.header().size() < 2) {
            throw new TableFormatException(source, 1, 0, "no feature columns left besides the label column");
        }
        int n = t.rows().size();
        List<String> featureNames = new ArrayList<>(t.header());
        featureNames.remove(target);
        double[][] x = new double[n][featureNames.size()];
        double[][] y = new double[n][labels.size()];
        for (int r = 0; r < n; r++) {
            DelimitedText.Row row = t.rows().get(r);
            for (int k = 0, c = 0; k < t.header().size(); k++) {
                if (k != target) {
                    x[r][c++] = t.number(row, k);
                }
            }
            String label = row.cell(target).strip();
            int cls = labels.indexOf(label);
            if (cls < 0) {
                throw new TableFormatException(source, row.line(), row.column(target), "label '" + label
                        + "' is not one of the classes " + labels);
            }
            y[r][cls] = 1;
        }
        return new Dataset(featureNames, labels, x, y);
    }

    private static int compareLabels(String a, String b) {
        try {
            int byValue = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
            return byValue != 0 ? byValue : a.compareTo(b);
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
