package org.odelump.nn.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;

/**
 * A JSON tree whose every value remembers its line and column, read with Jackson's streaming parser (Jackson's own
 * tree model forgets locations). Duplicate keys are errors. Package-private: the JSON network reader's parser.
 */
final class LocatedJson {

    private LocatedJson() {
    }

    /** A JSON value at a 1-based line and column. */
    sealed interface Node permits Obj, Arr, Num, Str, Bool, Null {
        int line();

        int column();

        /** {@code object}, {@code array}, {@code number}, ... for messages. */
        String typeName();
    }

    record Obj(Map<String, Node> fields, int line, int column) implements Node {
        public String typeName() {
            return "an object";
        }
    }

    record Arr(List<Node> items, int line, int column) implements Node {
        public String typeName() {
            return "an array";
        }
    }

    record Num(double value, boolean integral, int line, int column) implements Node {
        public String typeName() {
            return "a number";
        }
    }

    record Str(String value, int line, int column) implements Node {
        public String typeName() {
            return "a string";
        }
    }

    record Bool(boolean value, int line, int column) implements Node {
        public String typeName() {
            return "a boolean";
        }
    }

    record Null(int line, int column) implements Node {
        public String typeName() {
            return "null";
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Parses one JSON document; syntax errors are {@link Diagnostic.Kind#SYNTAX} diagnostics in {@code file}. */
    static Node parse(String text, String file) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidModelException(new Diagnostic(file, 1, 1, Diagnostic.Kind.SYNTAX,
                        "empty file, expected a JSON object"));
            }
            Node root = value(p, file);
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new InvalidModelException(new Diagnostic(file, loc.getLineNr(), loc.getColumnNr(),
                        Diagnostic.Kind.SYNTAX, "unexpected content after the end of the JSON document"));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            String msg = e.getOriginalMessage().replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]",
                    "line $1, column $2");
            int nl = msg.indexOf('\n');
            throw new InvalidModelException(new Diagnostic(file, line, col, Diagnostic.Kind.SYNTAX,
                    nl >= 0 ? msg.substring(0, nl) : msg));
        } catch (IOException e) {
            throw new InvalidModelException(new Diagnostic(file, 0, 0, Diagnostic.Kind.IO, e.toString()));
        }
    }

    private static Node value(JsonParser p, String file) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    if (fields.containsKey(key)) {
                        throw new InvalidModelException(new Diagnostic(file, kl.getLineNr(), kl.getColumnNr(),
                                Diagnostic.Kind.SYNTAX, "duplicate key \"" + key + "\""));
                    }
                    p.nextToken();
                    fields.put(key, value(p, file));
                }
                return new Obj(Collections.unmodifiableMap(fields), line, col);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, file));
                }
                return new Arr(Collections.unmodifiableList(items), line, col);
            }
            case VALUE_NUMBER_INT:
                return new Num(p.getDoubleValue(), true, line, col);
            case VALUE_NUMBER_FLOAT:
                return new Num(p.getDoubleValue(), false, line, col);
            case VALUE_STRING:
                return new Str(p.getText(), line, col);
            case VALUE_TRUE:
                return new Bool(true, line, col);
            case VALUE_FALSE:
                return new Bool(false, line, col);
            case VALUE_NULL:
                return new Null(line, col);
            default:
                throw new InvalidModelException(new Diagnostic(file, line, col, Diagnostic.Kind.SYNTAX,
                        "unexpected token " + t));
        }
    }
}
