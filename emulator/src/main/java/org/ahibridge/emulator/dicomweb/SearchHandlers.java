package org.ahibridge.emulator.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.ahibridge.dicom.Attributes;
import org.ahibridge.dicom.DicomDictionary;
import org.ahibridge.dicom.Element;
import org.ahibridge.dicom.Tags;
import org.ahibridge.dicom.VR;
import org.ahibridge.dicom.json.AhiMetadataLevels;
import org.ahibridge.dicom.json.AhiMetadataLevels.Level;
import org.ahibridge.dicom.json.DicomJson;
import org.ahibridge.emulator.ahi.Json;

/**
 * The QIDO-RS operations of AWS's DICOMweb (docs/aws-healthimaging.md §10): SearchDICOMStudies,
 * SearchDICOMSeries and SearchDICOMInstances over the data store's primary image sets, answered as a DICOM
 * JSON array ({@code application/dicom+json}). They match on the attributes AWS lists for each ({@link QidoQuery},
 * {@link AttributeMatch}), order as AWS documents (studies by last update, newest first; series by Series
 * Number; instances by Instance Number) and page with {@code limit} and {@code offset}. Each result carries
 * the attributes PS3.18 §10.6.3.3 requires of its level, the matching keys and the {@code includefield} ones.
 */
final class SearchHandlers {

    private static final Set<String> STUDY_KEYS = Set.of("StudyDate", "StudyTime", "AccessionNumber",
            "ModalitiesInStudy", "ReferringPhysicianName", "StudyDescription", "PatientName", "PatientID",
            "PatientBirthDate", "PatientBirthTime", "StudyInstanceUID", "StudyID");
    private static final Set<String> SERIES_KEYS = Set.of("Modality", "SeriesInstanceUID");
    private static final Set<String> INSTANCE_KEYS = Set.of("SOPClassUID", "SOPInstanceUID");

    /** PS3.18 Table 10.6.3-3, -4, -5: what every result of a level carries, where the data has it. */
    private static final List<String> STUDY_FIELDS = List.of("StudyDate", "StudyTime", "AccessionNumber",
            "ReferringPhysicianName", "TimezoneOffsetFromUTC", "PatientName", "PatientID", "PatientBirthDate",
            "PatientSex", "StudyInstanceUID", "StudyID", "StudyDescription");
    private static final List<String> SERIES_FIELDS = List.of("Modality", "TimezoneOffsetFromUTC", "SeriesDescription",
            "SeriesInstanceUID", "SeriesNumber", "PerformedProcedureStepStartDate", "PerformedProcedureStepStartTime",
            "RequestAttributesSequence");
    private static final List<String> INSTANCE_FIELDS = List.of("SOPClassUID", "SOPInstanceUID",
            "TimezoneOffsetFromUTC", "InstanceNumber", "Rows", "Columns", "BitsAllocated", "NumberOfFrames");

    private static final int INSTANCE_AVAILABILITY = 0x00080056;
    private static final int MODALITIES_IN_STUDY = 0x00080061;
    private static final int RETRIEVE_URL = 0x00081190;
    private static final int NUMBER_OF_SERIES_RELATED_INSTANCES = 0x00201209;

    private final InstanceLocator locator;

    SearchHandlers(InstanceLocator locator) {
        this.locator = locator;
    }

    DicomWebReply studies(DicomWebRequest request) {
        RetrieveHandlers.requireDicomJson(request, "SearchDICOMStudies");
        QidoQuery query = QidoQuery.parse(request.query(), STUDY_KEYS, "SearchDICOMStudies");
        Map<String, List<LocatedInstance>> studies = group(underPath(request), LocatedInstance::studyUid);
        List<Result> results = new ArrayList<>();
        for (List<LocatedInstance> study : studies.values()) {
            // The newest image set first (primaryInstances' order): its values stand for the study.
            Attributes source = studyAttributes(request, study);
            results.add(new Result(source, lastUpdate(study), study.get(0).studyUid()));
        }
        results.sort(Comparator.comparingLong(Result::order).reversed().thenComparing(Result::uid));
        return reply(request, query, results, EnumSet.of(Level.PATIENT, Level.STUDY), fields(STUDY_FIELDS,
                "ModalitiesInStudy", "NumberOfStudyRelatedSeries", "NumberOfStudyRelatedInstances"));
    }

    DicomWebReply series(DicomWebRequest request) {
        RetrieveHandlers.requireDicomJson(request, "SearchDICOMSeries");
        boolean allSeries = request.path("studyUid") == null;
        QidoQuery query = QidoQuery.parse(request.query(), allSeries ? union(SERIES_KEYS, Set.of("StudyInstanceUID"))
                : SERIES_KEYS, "SearchDICOMSeries");
        List<Result> results = new ArrayList<>();
        StudyAttributes studies = new StudyAttributes(request);
        for (List<LocatedInstance> series : group(underPath(request), LocatedInstance::seriesUid).values()) {
            LocatedInstance first = series.get(0);
            Attributes source = first.dataset().copy();
            if (allSeries) {
                putAll(source, studies.of(first));
            }
            source.setString(NUMBER_OF_SERIES_RELATED_INSTANCES, VR.IS, Integer.toString(series.size()));
            source.setString(RETRIEVE_URL, VR.UR, request.url(seriesPath(first)));
            results.add(new Result(source, first.dataset().getLong(Tags.SERIES_NUMBER, Long.MAX_VALUE),
                    first.seriesUid()));
        }
        results.sort(Comparator.comparingLong(Result::order).thenComparing(Result::uid));
        Set<Level> levels = allSeries ? EnumSet.of(Level.PATIENT, Level.STUDY, Level.SERIES) : EnumSet.of(Level.SERIES);
        List<String> fields = new ArrayList<>(fields(SERIES_FIELDS, "NumberOfSeriesRelatedInstances"));
        if (allSeries) {
            fields.addAll(fields(STUDY_FIELDS, "ModalitiesInStudy", "NumberOfStudyRelatedSeries",
                    "NumberOfStudyRelatedInstances"));
        }
        return reply(request, query, results, levels, fields);
    }

    DicomWebReply instances(DicomWebRequest request) {
        RetrieveHandlers.requireDicomJson(request, "SearchDICOMInstances");
        boolean inSeries = request.path("seriesUid") != null;
        boolean inStudy = request.path("studyUid") != null;
        Set<String> keys = inSeries ? INSTANCE_KEYS : inStudy ? union(INSTANCE_KEYS, Set.of("SeriesInstanceUID"))
                : union(INSTANCE_KEYS, Set.of("SeriesInstanceUID", "StudyInstanceUID"));
        QidoQuery query = QidoQuery.parse(request.query(), keys, "SearchDICOMInstances");
        List<Result> results = new ArrayList<>();
        StudyAttributes studies = new StudyAttributes(request);
        for (LocatedInstance instance : underPath(request)) {
            Attributes source = instance.dataset().copy();
            source.remove(Tags.PIXEL_DATA);
            if (!inStudy) {
                putAll(source, studies.of(instance));
            }
            source.setString(RETRIEVE_URL, VR.UR, request.url(instance.path()));
            results.add(new Result(source, instance.instanceNumber(), instance.sopUid()));
        }
        results.sort(Comparator.comparingLong(Result::order).thenComparing(Result::uid));
        Set<Level> levels = EnumSet.of(Level.INSTANCE);
        List<String> fields = new ArrayList<>(fields(INSTANCE_FIELDS));
        if (!inSeries) {
            levels.add(Level.SERIES);
            fields.addAll(fields(SERIES_FIELDS));
        }
        if (!inStudy) {
            levels.addAll(EnumSet.of(Level.PATIENT, Level.STUDY));
            fields.addAll(fields(STUDY_FIELDS, "ModalitiesInStudy", "NumberOfStudyRelatedSeries",
                    "NumberOfStudyRelatedInstances"));
        }
        return reply(request, query, results, levels, fields);
    }

    /** One study, series or instance found: the attributes to match and to answer from, and its sort keys. */
    private record Result(Attributes source, long order, String uid) {
    }

    /** The primary instances under the request's path (a study, a series, or the whole data store). */
    private List<LocatedInstance> underPath(DicomWebRequest request) {
        String study = request.path("studyUid");
        String series = request.path("seriesUid");
        return locator.primaryInstances(request.path("datastoreId")).stream()
                .filter(i -> study == null || i.studyUid().equals(study))
                .filter(i -> series == null || i.seriesUid().equals(series)).toList();
    }

    /** The study attributes of each study of the data store, made once per request when first needed. */
    private final class StudyAttributes {
        private final DicomWebRequest request;
        private Map<String, List<LocatedInstance>> studies;
        private final Map<String, Attributes> made = new LinkedHashMap<>();

        StudyAttributes(DicomWebRequest request) {
            this.request = request;
        }

        Attributes of(LocatedInstance instance) {
            if (studies == null) {
                studies = group(locator.primaryInstances(request.path("datastoreId")), LocatedInstance::studyUid);
            }
            return made.computeIfAbsent(instance.studyUid(), uid -> studyAttributes(request, studies.get(uid)));
        }
    }

    /** The patient and study values of the study's newest instance, with what is counted over all of them. */
    private static Attributes studyAttributes(DicomWebRequest request, List<LocatedInstance> study) {
        LocatedInstance first = study.get(0);
        Attributes source = new Attributes();
        for (Element element : first.dataset().elements()) {
            Level level = AhiMetadataLevels.levelOf(element.tag());
            if (level == Level.PATIENT || level == Level.STUDY || element.tag() == Tags.SPECIFIC_CHARACTER_SET) {
                source.put(detached(element));
            }
        }
        Set<String> modalities = new TreeSet<>();
        Set<String> series = new LinkedHashSet<>();
        for (LocatedInstance instance : study) {
            series.add(instance.seriesUid());
            String modality = instance.dataset().getString(Tags.MODALITY);
            if (modality != null) {
                modalities.add(modality.strip());
            }
        }
        if (!modalities.isEmpty()) {
            source.setString(MODALITIES_IN_STUDY, VR.CS, modalities.toArray(String[]::new));
        }
        source.setString(Tags.NUMBER_OF_STUDY_RELATED_SERIES, VR.IS, Integer.toString(series.size()));
        source.setString(Tags.NUMBER_OF_STUDY_RELATED_INSTANCES, VR.IS, Integer.toString(study.size()));
        source.setString(RETRIEVE_URL, VR.UR, request.url("/datastore/" + first.imageSet().datastoreId()
                + "/studies/" + first.studyUid()));
        return source;
    }

    private static long lastUpdate(List<LocatedInstance> instances) {
        return instances.stream().mapToLong(i -> i.imageSet().latest().updatedAt()).max().orElse(0);
    }

    /** Matches, orders, pages and answers: each result with the required fields, the keys and the includes. */
    private static DicomWebReply reply(DicomWebRequest request, QidoQuery query, List<Result> results,
            Set<Level> levels, List<String> requiredFields) {
        List<Result> matching = results.stream().filter(r -> query.matches().stream()
                .allMatch(m -> m.matches(r.source().getStrings(m.tag())))).toList();
        int from = Math.min(query.offset(), matching.size());
        int to = (int) Math.min((long) from + query.limit(), matching.size());
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Result result : matching.subList(from, to)) {
            array.add(json(project(result.source(), query, levels, requiredFields)));
        }
        DicomWebReply reply = DicomWebReply.dicomJson(200, array);
        List<String> warnings = new ArrayList<>();
        if (query.fuzzy()) {
            warnings.add("The fuzzymatching parameter is not supported. Only literal matching has been performed.");
        }
        if (to < matching.size() && QidoQuery.capped(request.query())) {
            warnings.add("The number of results exceeded the maximum supported by the server ("
                    + QidoQuery.MAX_RESULTS + "). Additional results can be requested with offset.");
        }
        if (!warnings.isEmpty()) {
            reply = reply.withHeader("Warning", String.join(", ", warnings.stream()
                    .map(w -> "299 ahi-emulator \"" + w + "\"").toList()));
        }
        return reply;
    }

    /** The attributes one result answers with. */
    private static Attributes project(Attributes source, QidoQuery query, Set<Level> levels, List<String> required) {
        Attributes result = new Attributes();
        Set<Integer> tags = new LinkedHashSet<>();
        tags.add(Tags.SPECIFIC_CHARACTER_SET);
        tags.add(INSTANCE_AVAILABILITY);
        tags.add(RETRIEVE_URL);
        required.forEach(keyword -> tags.add(DicomDictionary.standard().tagOf(keyword)));
        query.matches().forEach(m -> tags.add(m.tag()));
        for (int tag : query.includeFields()) {
            if (levels.contains(AhiMetadataLevels.levelOf(tag))) {
                tags.add(tag);
            }
        }
        for (int tag : tags) {
            Element element = source.get(tag);
            if (element != null) {
                result.put(detached(element));
            }
        }
        // As C-FIND answers (PS3.4 C.2.2.1.2): every matching key is in the result, empty where there is no value.
        for (AttributeMatch match : query.matches()) {
            if (!result.contains(match.tag())) {
                result.setBytes(match.tag(), match.vr(), new byte[0]);
            }
        }
        if (query.includeAll()) {
            for (Element element : source.elements()) {
                if (levels.contains(AhiMetadataLevels.levelOf(element.tag())) && element.tag() != Tags.PIXEL_DATA) {
                    result.put(detached(element));
                }
            }
        }
        // Every stored instance is at hand at once (PS3.18 Table 10.6.3-3: ONLINE).
        result.setString(INSTANCE_AVAILABILITY, VR.CS, "ONLINE");
        return result;
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Attributes attributes) {
        try {
            return DicomJson.readTree(new ByteArrayInputStream(DicomJson.toJson(attributes)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seriesPath(LocatedInstance instance) {
        return "/datastore/" + instance.imageSet().datastoreId() + "/studies/" + instance.studyUid() + "/series/"
                + instance.seriesUid();
    }

    private static Map<String, List<LocatedInstance>> group(List<LocatedInstance> instances,
            java.util.function.Function<LocatedInstance, String> key) {
        Map<String, List<LocatedInstance>> groups = new LinkedHashMap<>();
        instances.forEach(i -> groups.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return groups;
    }

    /**
     * Puts copies of the elements: a sequence's items take the data set they are put into as their parent, and
     * must not be the items of the shared (cached) metadata.
     */
    private static void putAll(Attributes target, Attributes from) {
        from.elements().forEach(element -> target.put(detached(element)));
    }

    /** The element itself, or for a sequence a copy whose items can be given a new parent. */
    private static Element detached(Element element) {
        return element.items() == null ? element
                : Element.ofItems(element.tag(), element.items().stream().map(Attributes::copy).toList());
    }

    private static List<String> fields(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
