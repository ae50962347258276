package org.ahibridge.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The PS3.6 data dictionary: tag, keyword, VR and VM of every standard attribute.
 *
 * <p>Loaded once from {@code dictionary.tsv}, which {@code tools/dictionary/generate.py} derives from
 * dcmtk's {@code dicom.dic} (PS3.6-2022b, the edition AWS HealthImaging keys its metadata with).
 * Repeating groups (50xx, 60xx) and ranges such as (0020,31xx) are matched by masking.
 */
public final class DicomDictionary {

    /** One dictionary entry; {@code vr} is null for item and delimiter tags, which carry none. */
    public record Entry(int tag, VR vr, String keyword, String vm, boolean retired) {
    }

    private static final DicomDictionary STANDARD = load();

    private final Map<Integer, Entry> byTag;
    private final Map<Integer, Entry> byMaskedTag;
    private final Map<String, Entry> byKeyword;

    private DicomDictionary(Map<Integer, Entry> byTag, Map<Integer, Entry> byMaskedTag,
            Map<String, Entry> byKeyword) {
        this.byTag = byTag;
        this.byMaskedTag = byMaskedTag;
        this.byKeyword = byKeyword;
    }

    public static DicomDictionary standard() {
        return STANDARD;
    }

    /** The entry for a tag, or null when the tag is private, unknown or a group length. */
    public Entry entry(int tag) {
        Entry exact = byTag.get(tag);
        if (exact != null) {
            return exact;
        }
        if (byMaskedTag.isEmpty()) {
            return null;
        }
        Entry repeatingGroup = byMaskedTag.get(tag & 0xFF00FFFF);
        return repeatingGroup != null ? repeatingGroup : byMaskedTag.get(tag & 0xFFFFFF00);
    }

    public Entry entry(String keyword) {
        return byKeyword.get(keyword);
    }

    /**
     * The VR to use for a tag in an implicit VR data set (PS3.5 §7.1.3): the dictionary's VR,
     * UL for group lengths, LO for private creators, UN otherwise.
     */
    public VR vrOf(int tag) {
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tags.isPrivateCreator(tag)) {
            return VR.LO;
        }
        Entry entry = Tags.isPrivate(tag) ? null : entry(tag);
        return entry == null || entry.vr() == null ? VR.UN : entry.vr();
    }

    /** The PS3.6 keyword of a standard tag, or null for private and unknown tags. */
    public String keywordOf(int tag) {
        if (Tags.isPrivate(tag)) {
            return null;
        }
        Entry entry = entry(tag);
        return entry == null ? null : entry.keyword();
    }

    /** The tag with this keyword, or -1. Repeating-group keywords give their first group (5000, 6000). */
    public int tagOf(String keyword) {
        Entry entry = byKeyword.get(keyword);
        return entry == null ? -1 : entry.tag();
    }

    private static DicomDictionary load() {
        Map<Integer, Entry> byTag = new HashMap<>(8192);
        Map<Integer, Entry> byMaskedTag = new HashMap<>();
        Map<String, Entry> byKeyword = new HashMap<>(8192);
        try (InputStream in = DicomDictionary.class.getResourceAsStream("dictionary.tsv")) {
            if (in == null) {
                throw new IllegalStateException("dictionary.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                boolean masked = f[0].contains("x");
                int tag = Integer.parseUnsignedInt(f[0].replace('x', '0'), 16);
                VR vr = "NONE".equals(f[1]) ? null : VR.valueOf(f[1]);
                Entry entry = new Entry(tag, vr, f[2], f[3], "R".equals(f[4]));
                (masked ? byMaskedTag : byTag).put(tag, entry);
                byKeyword.putIfAbsent(f[2], entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DICOM dictionary", e);
        }
        return new DicomDictionary(byTag, byMaskedTag, byKeyword);
    }
}
