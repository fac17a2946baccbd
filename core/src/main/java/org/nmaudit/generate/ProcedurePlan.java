package org.nmaudit.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Any other procedure day: peripheral nerve stimulation (outside the SCS rules) or an ordinary
 * interventional pain procedure. The facility claim repeats the codes and adds the devices.
 */
final class ProcedurePlan {
    final LocalDate date;
    final Setting setting;
    final List<PlannedCode> codes = new ArrayList<>();
    final List<PlannedCode> devices = new ArrayList<>();

    ProcedurePlan(LocalDate date, Setting setting) {
        this.date = date;
        this.setting = setting;
    }

    ProcedurePlan code(PlannedCode code) {
        codes.add(code);
        return this;
    }

    ProcedurePlan device(String cpt, int units) {
        devices.add(new PlannedCode(cpt, units, List.of()));
        return this;
    }
}
