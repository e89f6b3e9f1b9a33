package org.odelump.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table read from comma- (or other single-character-) separated text, keeping where every cell started so that
 * callers can report {@code file:line:column} for a bad value. Fields may be quoted RFC 4180-style ("a, b",
 * "say ""hi"""), but a record must fit on one line; line ends may be LF or CRLF; blank lines are skipped. Every
 * record must have as many fields as the first one. Immutable.
 */
public final class DelimitedText {

    /** One record: its 1-based line, its cells (quotes removed) and the 1-based column where each cell starts. */
    public static final class Row {
        private final int line;
        private final String[] cells;
        private final int[] columns;

        Row(int line, String[] cells, int[] columns) {
            this.line = line;
            this.cells = cells;
            this.columns = columns;
        }

        public int line() {
            return line;
        }

        public int size() {
            return cells.length;
        }

        public String cell(int k) {
            return cells[k];
        }

        public int column(int k) {
            return columns[k];
        }

        public List<String> cells() {
            return Collections.unmodifiableList(Arrays.asList(cells.clone()));
        }
    }

    private final String source;
    private final List<String> header;
    private final List<Row> rows;

    private DelimitedText(String source, List<String> header, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
    }

    /**
     * Parses {@code text}.
     *
     * @param text      the whole file
     * @param source    the name used in error messages (usually the file name)
     * @param separator the field separator, e.g. ','
     * @param hasHeader whether the first non-blank line names the columns (names must then be distinct)
     * @throws TableFormatException on an unterminated quote, a wrong field count or a duplicate column name
     */
    public static DelimitedText parse(String text, String source, char separator, boolean hasHeader) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        List<Row> rows = new ArrayList<>();
        int lineNo = 0;
        int pos = 0;
        int width = -1;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            int stop = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(pos, stop);
            pos = end + 1;
            if (line.isBlank()) {
                continue;
            }
            Row row = split(line, lineNo, source, separator);
            if (width < 0) {
                width = row.size();
            } else if (row.size() != width) {
                throw new TableFormatException(source, lineNo, 0, "expected " + width + " fields, found "
                        + row.size());
            }
            rows.add(row);
        }
        List<String> header = null;
        if (hasHeader) {
            if (rows.isEmpty()) {
                throw new TableFormatException(source, 1, 0, "expected a header line, the file is empty");
            }
            Row h = rows.remove(0);
            for (int k = 0; k < h.size(); k++) {
                for (int k2 = 0; k2 < k; k2++) {
                    if (h.cell(k).equals(h.cell(k2))) {
                        throw new TableFormatException(source, h.line(), h.column(k), "duplicate column name '"
                                + h.cell(k) + "'");
                    }
                }
            }
            header = h.cells();
        }
        return new DelimitedText(source, header, List.copyOf(rows));
    }

    private static Row split(String line, int lineNo, String source, char sep) {
        List<String> cells = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            cols.add(i + 1);
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new TableFormatException(source, lineNo, i + 1, "unterminated quoted field");
                    }
                    char c = line.charAt(j);
                    if (c == '"') {
                        if (j + 1 < n && line.charAt(j + 1) == '"') {
                            sb.append('"');
                            j += 2;
                            continue;
                        }
                        j++;
                        break;
                    }
                    sb.append(c);
                    j++;
                }
                if (j < n && line.charAt(j) != sep) {
                    throw new TableFormatException(source, lineNo, j + 1, "expected '" + sep
                            + "' after a quoted field");
                }
                cells.add(sb.toString());
                i = j;
            } else {
                int j = line.indexOf(sep, i);
                if (j < 0) {
                    j = n;
                }
                cells.add(line.substring(i, j));
                i = j;
            }
            if (i >= n) {
                break;
            }
            i++; // skip the separator
            if (i == n) {
                cells.add("");
                cols.add(i + 1);
                break;
            }
        }
        int[] c = new int[cols.size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = cols.get(k);
        }
        return new Row(lineNo, cells.toArray(new String[0]), c);
    }

    public String source() {
        return source;
    }

    /** The column names, or null for a table read without a header. */
    public List<String> header() {
        return header;
    }

    /** The data records (without the header). */
    public List<Row> rows() {
        return rows;
    }

    /** The index of the named column; a {@link TableFormatException} at the header line when absent. */
    public int columnIndex(String name) {
        int k = header == null ? -1 : header.indexOf(name);
        if (k < 0) {
            throw new TableFormatException(source, 1, 0, "no column '" + name + "'"
                    + (header == null ? " (the table has no header)" : "; columns are " + header));
        }
        return k;
    }

    /** Cell {@code k} of {@code row} as a finite double, or a located error naming the column. */
    public double number(Row row, int k) {
        String s = row.cell(k).trim();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        boolean plain = !s.isEmpty() && (Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."));
        if (!Double.isFinite(v) || !plain) {
            throw new TableFormatException(source, row.line(), row.column(k), "expected a number"
                    + (header != null ? " in column '" + header.get(k) + "'" : "") + ", found '" + row.cell(k)
                    + "'");
        }
        return v;
    }
}
