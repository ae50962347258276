package org.ahibridge.emulator.ahi.op;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.emulator.ahi.store.AhiStore;
import org.ahibridge.emulator.ahi.store.ImageSet;

/**
 * Which stored transfer syntax each frame id of an image set has, from its metadata documents, newest
 * version first (a frame listed only by an older version is still served). Versions never change, so
 * the index of the most recent image sets is cached (LRU), sparing GetImageFrame a metadata parse per call.
 */
final class FrameIndex {

    private static final int CACHED = 64;
    private final AhiStore store;
    private final Map<String, Map<String, String>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > CACHED;
        }
    };

    FrameIndex(AhiStore store) {
        this.store = store;
    }

    /** The stored syntax of the frame (null when the metadata has none), or null when the set has no such frame. */
    String storedSyntax(ImageSet imageSet, String frameId) {
        for (int version = imageSet.latest().versionId(); version >= 1; version--) {
            Map<String, String> frames = frames(imageSet.id(), version);
            if (frames.containsKey(frameId)) {
                return frames.get(frameId) == null ? "" : frames.get(frameId);
            }
        }
        return null;
    }

    private Map<String, String> frames(String imageSetId, int version) {
        String key = imageSetId + "/" + version;
        synchronized (cache) {
            Map<String, String> cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Map<String, String> frames = new HashMap<>();
        for (JsonNode series : store.metadata(imageSetId, version).path("Study").path("Series")) {
            for (JsonNode instance : series.path("Instances")) {
                String syntax = instance.path("StoredTransferSyntaxUID").asText(null);
                instance.path("ImageFrames").forEach(frame -> frames.put(frame.path("ID").asText(), syntax));
            }
        }
        synchronized (cache) {
            cache.put(key, frames);
        }
        return frames;
    }
}
