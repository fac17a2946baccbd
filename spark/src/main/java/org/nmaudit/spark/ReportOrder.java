package org.nmaudit.spark;

import java.io.Serializable;
import java.util.Comparator;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingSet;

/** The CLI's report order (FindingSet.REPORT_ORDER) in a form Spark can ship to a distributed sort. */
final class ReportOrder implements Comparator<Finding>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Finding a, Finding b) {
        return FindingSet.REPORT_ORDER.compare(a, b);
    }
}
