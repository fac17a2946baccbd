package org.nmaudit.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.engine.EngineResult;
import org.nmaudit.engine.ParameterSet;
import org.nmaudit.engine.RuleBase;
import org.nmaudit.engine.RuleCompiler;
import org.nmaudit.engine.RuleEngine;
import org.nmaudit.engine.RuleFile;
import org.nmaudit.engine.RuleFolder;
import org.nmaudit.engine.RuleSelection;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.report.RunRecord;

/**
 * The steps of {@code nmaudit audit} on the project's rules and reference data, kept in memory: for tests
 * of the report writers that need the engine's findings (a period report's every line finding, for
 * one) rather than the files an audit writes.
 */
public record InProcessAudit(DataSet data, EngineResult result, RunRecord run) {

    public static InProcessAudit of(Path dataFolder) throws Exception {
        Instant started = Instant.now();
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        ParameterSet parameters = folder.parameters();
        RuleBase rules = RuleCompiler.compile(folder);
        ReferenceData reference = new ReferenceReader(ReadProgress.SILENT).read(Path.of("data/reference"));
        DataSet data = new DataSetReader(ReadProgress.SILENT).read(dataFolder);
        LocalDate asOf = data.latestServiceDate().orElseThrow();
        EngineResult result = new RuleEngine(rules).run(parameters, asOf, data.factsWith(reference));
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        for (RuleFile f : folder.drlFiles()) {
            ruleFiles.put(f.displayPath(), f.sha256());
        }
        ruleFiles.put(folder.parametersFile().displayPath(), folder.parametersFile().sha256());
        RunRecord run = new RunRecord("0.1.0", started, Instant.now(), asOf, "latest service_date", null,
                data.claimLines().size(), dataFolder.toString(), "reports/test", folder.displayPath(), false, null, parameters.values(),
                data.files(), reference.folder(), reference.files(), ruleFiles, rules.rules(), RuleSelection.ALL,
                result.findings().countByRule(), result.findings().countBySeverity(), List.of(), 0);
        return new InProcessAudit(data, result, run);
    }
}
