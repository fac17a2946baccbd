package org.nmaudit.spark;

import java.io.Serializable;
import java.util.List;
import org.nmaudit.findings.Finding;

/**
 * What the patient pass found in one partition: its findings (one per rule and subject) and the facts
 * its rules carry to the provider pass (the types the rules folder declares {@code @carry}).
 */
record PartitionResult(int partition, long facts, long patients, List<Finding> findings, List<Object> carried)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The same without the findings: what the driver collects from every partition at once. */
    PartitionResult withoutFindings() {
        return new PartitionResult(partition, facts, patients, List.of(), carried);
    }
}
