package org.odelump.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where an SBML element starts in the file text, because JSBML keeps no line numbers. Elements are found
 * by tag name and an identifying attribute ({@code id}, {@code variable}, {@code symbol}) or by their ordinal;
 * the position is that of the element's {@code <}. Not found gives line 0 (the diagnostic then shows the file
 * and the element id only).
 */
final class SbmlLocator {

    /** A 1-based line and column; line 0 when unknown. */
    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private final String text;
    private int[] lineStarts;

    SbmlLocator(String text) {
        this.text = text;
    }

    /** The first element named {@code tag} (any namespace prefix) whose {@code attribute} equals {@code value}. */
    Position element(String tag, String attribute, String value) {
        if (value == null) {
            return Position.UNKNOWN;
        }
        Pattern p = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?" + Pattern.quote(tag) + "\\b[^>]*?\\s"
                + Pattern.quote(attribute) + "\\s*=\\s*([\"'])" + Pattern.quote(value) + "\\1");
        Matcher m = p.matcher(text);
        return m.find() ? at(m.start()) : Position.UNKNOWN;
    }

    /** The {@code ordinal}-th (0-based) element named {@code tag}. */
    Position nth(String tag, int ordinal) {
        Matcher m = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?" + Pattern.quote(tag) + "[\\s/>]").matcher(text);
        int k = 0;
        while (m.find()) {
            if (k++ == ordinal) {
                return at(m.start());
            }
        }
        return Position.UNKNOWN;
    }

    private Position at(int offset) {
        if (lineStarts == null) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }
        int k = Arrays.binarySearch(lineStarts, offset);
        int line = k >= 0 ? k : -k - 2;
        return new Position(line + 1, offset - lineStarts[line] + 1);
    }
}
