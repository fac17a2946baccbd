package org.nmaudit.engine;

import java.util.List;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;

/**
 * What the provider pass concluded.
 *
 * @param findings one per (rule id, subject), in no particular order
 * @param ratios the physicians' conversion tallies (provider-ratios.csv), by NPI
 */
public record ProviderPassResult(List<Finding> findings, List<ProviderRatio> ratios) {
}
