package org.nmaudit.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.input.Reject;
import org.nmaudit.report.Amounts;

/**
 * The outputs of a large run as Parquet data sets (--format parquet): findings, provider ratios and rejects,
 * with the columns of the CSV files (findings-format.md) plus what findings.json adds (rule name, file and
 * line, the parameters, the evidence as JSON text). The findings are written by the executors, in report
 * order across the part files (part-00000 first). Amounts are the CSV's text (29617.00): exact, whatever
 * their scale.
 */
final class ParquetReports {
    static final String FINDINGS = "findings.parquet";
    static final String PROVIDER_RATIOS = "provider-ratios.parquet";
    static final String REJECTS = "rejects.parquet";
    private static final int REJECTS_PER_WRITE = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    static final StructType FINDING_SCHEMA = new StructType()
            .add("finding_id", DataTypes.StringType, false)
            .add("rule_id", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("scope", DataTypes.StringType, false)
            .add("claim_id", DataTypes.StringType)
            .add("line_number", DataTypes.IntegerType)
            .add("patient_id", DataTypes.StringType)
            .add("rendering_npi", DataTypes.StringType)
            .add("service_date", DataTypes.DateType)
            .add("amount_at_risk", DataTypes.StringType)
            .add("message", DataTypes.StringType)
            .add("citation", DataTypes.StringType)
            .add("rule_name", DataTypes.StringType)
            .add("rule_file", DataTypes.StringType)
            .add("rule_line", DataTypes.IntegerType)
            .add("parameters", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
            .add("evidence", DataTypes.StringType);

    static final StructType RATIO_SCHEMA = new StructType()
            .add("rendering_npi", DataTypes.StringType, false)
            .add("trials", DataTypes.IntegerType, false)
            .add("converted", DataTypes.IntegerType, false)
            .add("failed", DataTypes.IntegerType, false)
            .add("pending", DataTypes.IntegerType, false)
            .add("ratio", DataTypes.createDecimalType(9, 4))
            .add("flagged", DataTypes.BooleanType, false);

    static final StructType REJECT_SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("column", DataTypes.StringType, false)
            .add("value", DataTypes.StringType)
            .add("reason", DataTypes.StringType, false);

    private final SparkSession spark;
    private final JobLocation out;

    ParquetReports(SparkSession spark, JobLocation out) {
        this.spark = spark;
        this.out = out;
    }

    /** @param sorted every finding of the run, in report order */
    void writeFindings(JavaRDD<Finding> sorted) {
        spark.createDataFrame(sorted.map(ParquetReports::findingRow), FINDING_SCHEMA)
                .write().mode(SaveMode.Overwrite).parquet(out.resolve(FINDINGS).text());
    }

    void writeRatios(List<ProviderRatio> ratios, Set<String> flagged) {
        List<Row> rows = new ArrayList<>();
        for (ProviderRatio r : ratios) {
            rows.add(RowFactory.create(r.getNpi(), r.getTrials(), r.getConverted(), r.getFailed(), r.getPending(),
                    r.getDecided() == 0 ? null : r.ratio(4), flagged.contains(r.getNpi())));
        }
        spark.createDataFrame(rows, RATIO_SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(out.resolve(PROVIDER_RATIOS).text());
    }

    /** In slices, so that a file in which every row is bad does not have to fit in the driver's memory. */
    void writeRejects(Iterable<Reject> rejects) {
        String path = out.resolve(REJECTS).text();
        Iterator<Reject> it = rejects.iterator();
        SaveMode mode = SaveMode.Overwrite;
        do {
            List<Row> rows = new ArrayList<>();
            while (it.hasNext() && rows.size() < REJECTS_PER_WRITE) {
                Reject r = it.next();
                rows.add(RowFactory.create(r.file(), r.line(), r.column(), r.value(), r.reason()));
            }
            spark.createDataFrame(rows, REJECT_SCHEMA).coalesce(1).write().mode(mode).parquet(path);
            mode = SaveMode.Append;
        } while (it.hasNext());
    }

    static Row findingRow(Finding f) throws JsonProcessingException {
        return RowFactory.create(f.findingId(), f.ruleId(), f.severity().name(), f.scope().name(), f.claimId(),
                f.lineNumber(), f.patientId(), f.renderingNpi(),
                f.serviceDate() == null ? null : Date.valueOf(f.serviceDate()), amount(f.amountAtRisk()),
                f.message(), f.citation(), f.ruleName(), f.ruleFile(), f.ruleLine() > 0 ? f.ruleLine() : null,
                scala.jdk.javaapi.CollectionConverters.asScala(f.parameters()),
                JSON.writeValueAsString(f.evidence()));
    }

    private static String amount(BigDecimal a) {
        return a == null ? null : Amounts.text(a);
    }
}
