package org.nmaudit.engine;

import java.util.List;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.FindingSet;

/**
 * What the rules concluded.
 *
 * @param ratios the provider ratios the derivation rules tallied, by NPI
 */
public record EngineResult(FindingSet findings, List<ProviderRatio> ratios) {
}
