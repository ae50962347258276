package org.ahibridge.ledger;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code source_object.source_tags}: whether the P10 verdict was written as tags on the source object
 * ({@code APPLIED}, {@code UNSUPPORTED} or {@code FAILED}), so the run report can say it for every file.
 */
public class SourceTags {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SourceTags(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long objectId, String result) {
        jdbc.sql("update source_object set source_tags = ?, updated_at = ? where object_id = ?")
                .params(result, Timestamps.db(clock.instant()), objectId).update();
    }

    public String find(long objectId) {
        return jdbc.sql("select source_tags from source_object where object_id = ?").param(objectId)
                .query(String.class).optional().orElse(null);
    }

    /** How many files of the run got each tagging result; empty when tagging was not asked for. */
    public Map<String, Integer> counts(String runId) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.sql("select o.source_tags as result, count(*) as n from run_outcome r join source_object o"
                + " on o.object_id = r.object_id where r.run_id = ? and o.source_tags is not null group by o.source_tags")
                .param(runId).query((row, n) -> counts.put(row.getString("result"), row.getInt("n"))).list();
        return counts;
    }
}
