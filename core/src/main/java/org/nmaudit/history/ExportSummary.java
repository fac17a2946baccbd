package org.nmaudit.history;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an export wrote.
 *
 * @param rowsPerFile data rows (not the header) per file name, in data-format.md order
 */
public record ExportSummary(Path folder, Map<String, Long> rowsPerFile) {
}
