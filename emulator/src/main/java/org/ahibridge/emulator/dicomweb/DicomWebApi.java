package org.ahibridge.emulator.dicomweb;

import java.io.IOException;

import org.ahibridge.emulator.ahi.AhiContext;
import org.ahibridge.emulator.ahi.imports.ImportSpool;

/**
 * The DICOMweb operations of AWS HealthImaging and their paths (docs/aws-healthimaging.md §10), all under
 * {@code /datastore/{datastoreId}}: WADO-RS (GetDICOMInstance, GetDICOMInstanceFrames,
 * GetDICOMInstanceMetadata, GetDICOMSeriesMetadata, GetDICOMBulkdata), QIDO-RS (SearchDICOMStudies,
 * SearchDICOMSeries, SearchDICOMInstances) and STOW-RS (StoreDICOM, StoreDICOMStudy), over the same state as
 * the AHI port.
 */
public final class DicomWebApi {

    private DicomWebApi() {
    }

    /**
     * Starts the endpoint on {@code port} (0: a free one).
     *
     * @param spool where STOW-RS parts are spooled, and above which size they are read one frame at a time
     */
    public static DicomWebServer start(String host, int port, AhiContext context, ImportSpool spool)
            throws IOException {
        return new DicomWebServer(host, port, routes(context, spool, StoreHandler.MAX_BODY_BYTES),
                operation -> context.faults().before(operation));
    }

    static DicomWebRoutes routes(AhiContext context, ImportSpool spool, long maxStoreBytes) {
        InstanceLocator locator = new InstanceLocator(context.store());
        RetrieveHandlers retrieve = new RetrieveHandlers(context.store(), locator);
        SearchHandlers search = new SearchHandlers(locator);
        StoreHandler store = new StoreHandler(context, locator, spool, maxStoreBytes);
        String datastore = "/datastore/{datastoreId}";
        String study = datastore + "/studies/{studyUid}";
        String series = study + "/series/{seriesUid}";
        String instance = series + "/instances/{sopUid}";
        return new DicomWebRoutes()
                .get(datastore + "/studies", "SearchDICOMStudies", search::studies)
                .post(datastore + "/studies", "StoreDICOM", store::store)
                .post(study, "StoreDICOMStudy", store::store)
                .get(study + "/series", "SearchDICOMSeries", search::series)
                .get(datastore + "/series", "SearchDICOMSeries", search::series)
                .get(series + "/instances", "SearchDICOMInstances", search::instances)
                .get(study + "/instances", "SearchDICOMInstances", search::instances)
                .get(datastore + "/instances", "SearchDICOMInstances", search::instances)
                .get(series + "/metadata", "GetDICOMSeriesMetadata", retrieve::seriesMetadata)
                .get(instance, "GetDICOMInstance", retrieve::instance)
                .get(instance + "/metadata", "GetDICOMInstanceMetadata", retrieve::instanceMetadata)
                .get(instance + "/frames/{frameList}", "GetDICOMInstanceFrames", retrieve::frames)
                .get(instance + "/bulkdata/{bulkdataUriHash}", "GetDICOMBulkdata", retrieve::bulkdata);
    }
}
