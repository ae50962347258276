package org.ahibridge.importing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labels of an object ({@code object_label}): names and values a route set as headers
 * {@code AhiBridgeLabel.<name>} before classification, carried into every audit line of the object. At most
 * {@value #MAX_LABELS} labels of at most {@value #MAX_VALUE} characters each are kept. Labels are for
 * routing facts (a site, a project, a ticket), never patient data: they are written to the audit as given.
 */
public final class ObjectLabels {

    static final int MAX_LABELS = 16;
    static final int MAX_VALUE = 200;
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AtomicBoolean any = new AtomicBoolean();
    private volatile boolean checked;

    public ObjectLabels(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the labels of an object (the first ones given win: a re-classified object keeps its labels). */
    public void save(long objectId, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        Map<String, String> kept = new TreeMap<>();
        labels.forEach((name, value) -> {
            if (kept.size() < MAX_LABELS && value != null) {
                kept.put(name, value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE));
            }
        });
        try {
            jdbc.sql("insert into object_label (object_id, labels) values (?, ?)")
                    .params(objectId, json.writeValueAsString(kept)).update();
        } catch (DuplicateKeyException alreadyLabelled) {
            // Another worker or an earlier attempt kept them first.
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("labels of object " + objectId + " cannot be written as JSON", e);
        }
        any.set(true);
    }

    /** The labels of the object, empty when it has none (no query while no object has any). */
    public Map<String, String> of(long objectId) {
        if (!anyLabels()) {
            return Map.of();
        }
        return jdbc.sql("select labels from object_label where object_id = ?").param(objectId).query(String.class)
                .optional().map(this::read).orElse(Map.of());
    }

    private boolean anyLabels() {
        if (!checked && !any.get()) {
            // Labels of an earlier process (a restart) count too.
            any.compareAndSet(false, jdbc.sql("select count(*) from object_label").query(Long.class).single() > 0);
            checked = true;
        }
        return any.get();
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
