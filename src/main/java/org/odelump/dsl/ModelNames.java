package org.odelump.dsl;

/**
 * Model names. ERODE's name runs to the end of the {@code begin model} line and may contain blanks and parentheses.
 * A name that would not survive that reading (empty, surrounding blanks, a line break, a comment opener, or a
 * leading double quote) is written as a double-quoted string with backslash escapes, which reads back unchanged.
 */
final class ModelNames {

    private ModelNames() {
    }

    /** The name in a {@code BEGIN_MODEL} token's text. */
    static String fromHeader(String token) {
        String rest = token.substring("begin".length()).stripLeading().substring("model".length()).strip();
        if (rest.startsWith("\"")) {
            int end = closingQuote(rest);
            if (end > 0) {
                return unescape(rest.substring(1, end));
            }
        }
        int cut = rest.length();
        int c1 = rest.indexOf("//");
        int c2 = rest.indexOf("/*");
        if (c1 >= 0) {
            cut = Math.min(cut, c1);
        }
        if (c2 >= 0) {
            cut = Math.min(cut, c2);
        }
        return rest.substring(0, cut).strip();
    }

    /** The text to write after {@code begin model }. */
    static String toHeader(String name) {
        boolean plain = !name.isEmpty() && name.equals(name.strip()) && !name.contains("//") && !name.contains("/*")
                && !name.startsWith("\"") && name.chars().noneMatch(ch -> ch == '\n' || ch == '\r' || ch < 0x20);
        if (plain) {
            return name;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                sb.append(ch);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 < s.length() + 0 && i + 4 <= s.length() - 1 + 1) {
                        try {
                            sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                            sb.append('u');
                        }
                    } else {
                        sb.append('u');
                    }
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }
}
