package org.odelump.cli;

import java.util.Locale;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.EpsilonSettings;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.Tolerance;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How ε is read, the grouping rule and the coefficient tolerance, shared by reduce and sweep. */
final class EpsilonOptions {

    @Option(names = "--epsilon-mode", defaultValue = "abs", paramLabel = "MODE", converter = ModeConverter.class,
            description = "abs: distance <= EPS; rel: distance <= EPS * max(L1 norms of the two vectors) "
                    + "(default: ${DEFAULT-VALUE}).")
    EpsilonMode mode;

    @Option(names = "--grouping", defaultValue = "components", paramLabel = "RULE",
            converter = GroupingConverter.class,
            description = "components (ERODE: connected components of the within-EPS graph; the default) or "
                    + "diameter (every pair in a block within EPS).")
    Grouping grouping;

    @Option(names = "--tolerance", converter = Ranges.CoefficientTolerance.class, defaultValue = "1e-12",
            paramLabel = "REL",
            description = "Relative tolerance when comparing coefficients (default: ${DEFAULT-VALUE}); "
                    + "0.1 + 0.2 and 0.3 compare equal.")
    Tolerance tolerance;

    /** The settings at the given ε (validated by the options' converters). */
    EpsilonSettings at(double epsilon) {
        return new EpsilonSettings(epsilon, mode, grouping, tolerance);
    }

    /** Reads {@code abs} or {@code rel}. */
    static final class ModeConverter implements CommandLine.ITypeConverter<EpsilonMode> {
        @Override
        public EpsilonMode convert(String value) {
            return parse(EpsilonMode.class, value, "abs or rel");
        }
    }

    /** Reads {@code components} or {@code diameter}. */
    static final class GroupingConverter implements CommandLine.ITypeConverter<Grouping> {
        @Override
        public Grouping convert(String value) {
            return parse(Grouping.class, value, "components or diameter");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String expected) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("expected " + expected + ", got '" + value + "'");
    }
}
