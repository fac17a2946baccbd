package org.nmaudit.cli;

import java.nio.file.Path;
import org.nmaudit.report.ReportException;
import org.nmaudit.report.ReportFolder;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * --previous REPORT_DIR: the folder must be a report an audit wrote (its run.json readable), checked before
 * the audit runs, so a mistyped folder is a usage error (exit 2) rather than a report without its comparison.
 */
final class PreviousReportConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path folder = Path.of(value);
        try {
            ReportFolder.open(folder).run();
            return folder;
        } catch (ReportException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
