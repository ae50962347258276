package org.ahibridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ahibridge.ledger.ImportRun;
import org.ahibridge.ledger.ObjectVersion;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RunReportWriterTest {

    @TempDir
    Path audit;

    @Test
    void shouldWriteCountsAndOneRowPerFileAsJsonAndCsv() throws IOException {
        Ledger ledger = new Ledger(LedgerDatabase.h2(false));
        try {
            ledger.runs.start("run-7", "landing", "in/", "main");
            long a = ledger.objects.discover("run-7", new ObjectVersion("landing", "in/=cmd|x,y.dcm", "e1", 5,
                    Instant.EPOCH), "main").object().id();
            long b = ledger.objects.discover("run-7", new ObjectVersion("landing", "in/b.txt", "e2", 3,
                    Instant.EPOCH), "main").object().id();
            ledger.transitions.classify(a, Verdict.notCompliant("TRUNCATED", "truncated, \"value\" at 132"));
            ledger.transitions.finish(a, Outcome.FAILED, "truncated, \"value\" at 132");
            ledger.transitions.finish(b, Outcome.SKIPPED_NOT_P10, "Missing 'DICM' prefix at offset 128");
            ledger.runs.end("run-7", ImportRun.RunState.COMPLETED);
            RunReportWriter writer = new RunReportWriter(audit, ledger.clock);

            Path json = writer.write(ledger.runs, "run-7");

            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertThat(report.get("outcomes").properties()).extracting(Map.Entry::getKey, e -> e.getValue().asInt())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("SKIPPED_NOT_P10", 1),
                            org.assertj.core.groups.Tuple.tuple("FAILED", 1));
            assertThat(report.get("state").asText()).isEqualTo("COMPLETED");
            assertThat(report.get("fileOutcomes")).hasSize(2);
            assertThat(report.get("files").asInt()).isEqualTo(2);
            List<String> csv = Files.readAllLines(audit.resolve("runs/run-7.csv"));
            assertThat(csv).hasSize(3);
            assertThat(csv.get(0)).startsWith("run_id,storage,key,version,size,outcome,reason");
            assertThat(csv.get(1)).isEqualTo("run-7,landing,\"in/=cmd|x,y.dcm\",e1,5,FAILED,"
                    + "\"truncated, \"\"value\"\" at 132\",,,,,,,,,,,0");
            assertThat(RunReportCsv.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
            try (var files = Files.list(audit.resolve("runs"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run-7.json", "run-7.csv");
            }
        } finally {
            ledger.database.close();
        }
    }
}
