package org.nmaudit.engine;

import java.util.List;
import org.nmaudit.findings.Finding;

/**
 * What the patient pass concluded on a batch of patients.
 *
 * @param findings one per (rule id, subject), in no particular order
 * @param carried the facts of the types the rules folder carries to the provider pass ({@code @carry})
 */
public record PatientBatchResult(List<Finding> findings, List<Object> carried) {
}
