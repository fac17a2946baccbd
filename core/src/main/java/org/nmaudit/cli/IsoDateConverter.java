package org.nmaudit.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A date option in yyyy-MM-dd that must exist (2025-02-30 is refused, as in the data files). */
public final class IsoDateConverter implements ITypeConverter<LocalDate> {
    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.trim(), STRICT);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a real date in yyyy-MM-dd form");
        }
    }
}
