package org.ahibridge.emulator.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.json.DicomJson;

/**
 * The Store Instances Response Module of PS3.18 §10.5.3 (Table 10.5.3-2), as DICOM JSON: a Referenced SOP
 * Sequence item for each stored instance (its SOP Class and Instance UIDs and Retrieve URL), a Failed SOP
 * Sequence item for each part that was not stored (its UIDs where they are known, and a Failure Reason), and
 * the study's Retrieve URL when every stored instance is of one study. The status follows PS3.18 Table
 * 10.5.3-1: 200 when every instance was stored, 202 when some were, 409 when none was.
 */
final class StoreResponse {

    /** PS3.4 Table B.2-1: A9xx "Error: Data Set does not match SOP Class"; used for a Study UID mismatch. */
    static final int DOES_NOT_MATCH = 0xA900;
    /** PS3.4 Table B.2-1: Cxxx "Error: Cannot understand". */
    static final int CANNOT_UNDERSTAND = 0xC000;
    /** PS3.7 Annex C: "Processing failure". */
    static final int PROCESSING_FAILURE = 0x0110;

    private static final int RETRIEVE_URL = 0x00081190;
    private static final int FAILED_SOP_SEQUENCE = 0x00081198;
    private static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    private static final int REFERENCED_SOP_CLASS_UID = 0x00081150;
    private static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    private static final int FAILURE_REASON = 0x00081197;

    /** Warning headers carry at most this many reasons. */
    private static final int MAX_WARNINGS = 20;

    private final List<Attributes> stored = new ArrayList<>();
    private final List<Attributes> failed = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final Set<String> studyUrls = new LinkedHashSet<>();

    void stored(String sopClassUid, String sopInstanceUid, String retrieveUrl, String studyUrl) {
        Attributes item = reference(sopClassUid, sopInstanceUid);
        item.setString(RETRIEVE_URL, VR.UR, retrieveUrl);
        stored.add(item);
        studyUrls.add(studyUrl);
    }

    /**
     * A part that was not stored. PS3.18 has no text for why, so the reason also goes into a {@code Warning}
     * header of the reply ({@link #warnings()}), as do import warnings ({@link #warned}).
     */
    void failed(int part, String sopClassUid, String sopInstanceUid, int failureReason, String reason) {
        Attributes item = reference(sopClassUid, sopInstanceUid);
        item.setInts(FAILURE_REASON, VR.US, failureReason);
        failed.add(item);
        reasons.add("part " + part + (sopInstanceUid == null ? "" : " (" + sopInstanceUid + ")") + ": " + reason);
    }

    /** A part stored with an import warning (docs/aws-healthimaging.md §6): said in a Warning header only. */
    void warned(int part, String sopInstanceUid, String warning) {
        reasons.add("part " + part + " (" + sopInstanceUid + ") was stored with a warning: " + warning);
    }

    int status() {
        if (failed.isEmpty()) {
            return 200;
        }
        return stored.isEmpty() ? 409 : 202;
    }

    /**
     * One RFC 9111 warning per failed or warned part, {@code 299 ahi-emulator "part 2 (uid): reason"}, the first
     * {@link #MAX_WARNINGS} of them; the text is printable ASCII, as a header must be.
     */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (String reason : reasons.subList(0, Math.min(reasons.size(), MAX_WARNINGS))) {
            warnings.add("299 ahi-emulator \"" + printable(reason) + "\"");
        }
        if (reasons.size() > MAX_WARNINGS) {
            warnings.add("299 ahi-emulator \"and " + (reasons.size() - MAX_WARNINGS) + " more parts\"");
        }
        return warnings;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 300));
        for (char c : text.substring(0, Math.min(text.length(), 300)).toCharArray()) {
            out.append(c == '"' || c == '\\' ? '\'' : c < ' ' || c > '~' ? '?' : c);
        }
        return out.toString();
    }

    com.fasterxml.jackson.databind.JsonNode json() {
        Attributes response = new Attributes();
        if (studyUrls.size() == 1) {
            response.setString(RETRIEVE_URL, VR.UR, studyUrls.iterator().next());
        }
        if (!failed.isEmpty()) {
            response.setSequence(FAILED_SOP_SEQUENCE, failed);
        }
        if (!stored.isEmpty()) {
            response.setSequence(REFERENCED_SOP_SEQUENCE, stored);
        }
        try {
            return DicomJson.readTree(new ByteArrayInputStream(DicomJson.toJson(response)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Attributes reference(String sopClassUid, String sopInstanceUid) {
        Attributes item = new Attributes();
        if (sopClassUid != null) {
            item.setString(REFERENCED_SOP_CLASS_UID, VR.UI, sopClassUid);
        }
        if (sopInstanceUid != null) {
            item.setString(REFERENCED_SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        }
        return item;
    }
}
