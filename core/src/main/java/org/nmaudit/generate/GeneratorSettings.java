package org.nmaudit.generate;

import java.time.LocalDate;

/**
 * Everything that shapes a generated data set. The same settings always give byte-identical files.
 *
 * @param patients      how many patients (each gets one care pathway)
 * @param months        length of the data window in calendar months
 * @param seed          seed of every random draw
 * @param start         first day of the data window
 * @param physicians    size of the practice's physician roster
 * @param clinics       number of clinics the physicians are spread over
 * @param violationRate share of eligible pathways that get one deliberate core-rule violation, and of the
 *                      other patients eligible for one that get an extended-rule violation
 * @param badRowRate    share of claim lines that get an extra, clerically broken copy the reader must reject
 */
public record GeneratorSettings(
        int patients,
        int months,
        long seed,
        LocalDate start,
        int physicians,
        int clinics,
        double violationRate,
        double badRowRate) {

    DataWindow window() {
        return new DataWindow(start, start.plusMonths(months).minusDays(1));
    }
}
