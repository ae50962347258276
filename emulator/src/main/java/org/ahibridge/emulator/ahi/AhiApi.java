package org.ahibridge.emulator.ahi;

import org.ahibridge.emulator.ahi.imports.ImportJobRunner;
import org.ahibridge.emulator.ahi.op.CopyImageSetHandler;
import org.ahibridge.emulator.ahi.op.DatastoreCreation;
import org.ahibridge.emulator.ahi.op.DatastoreHandlers;
import org.ahibridge.emulator.ahi.op.DeleteImageSetHandler;
import org.ahibridge.emulator.ahi.op.ImageSetReadHandlers;
import org.ahibridge.emulator.ahi.op.ImportJobHandlers;
import org.ahibridge.emulator.ahi.op.SearchImageSetsHandler;
import org.ahibridge.emulator.ahi.op.TagHandlers;
import org.ahibridge.emulator.ahi.op.UpdateImageSetMetadataHandler;

/** The AHI operations of the service model and their HTTP bindings (docs/aws-healthimaging.md §1.3). */
final class AhiApi {

    private AhiApi() {
    }

    static AhiRoutes routes(AhiContext context, ImportJobRunner runner, DatastoreCreation creation) {
        DatastoreHandlers datastores = new DatastoreHandlers(context, creation);
        ImportJobHandlers jobs = new ImportJobHandlers(context, runner);
        ImageSetReadHandlers reads = new ImageSetReadHandlers(context);
        TagHandlers tags = new TagHandlers(context);
        String imageSet = "/datastore/{datastoreId}/imageSet/{imageSetId}/";
        return new AhiRoutes()
                .add("POST", "/datastore", "CreateDatastore", datastores::create)
                .add("GET", "/datastore", "ListDatastores", datastores::list)
                .add("GET", "/datastore/{datastoreId}", "GetDatastore", datastores::get)
                .add("DELETE", "/datastore/{datastoreId}", "DeleteDatastore", datastores::delete)
                .add("POST", "/startDICOMImportJob/datastore/{datastoreId}", "StartDICOMImportJob", jobs::start)
                .add("GET", "/getDICOMImportJob/datastore/{datastoreId}/job/{jobId}", "GetDICOMImportJob", jobs::get)
                .add("GET", "/listDICOMImportJobs/datastore/{datastoreId}", "ListDICOMImportJobs", jobs::list)
                .add("POST", "/datastore/{datastoreId}/searchImageSets", "SearchImageSets",
                        new SearchImageSetsHandler(context)::handle)
                .add("POST", imageSet + "getImageSet", "GetImageSet", reads::getImageSet)
                .add("POST", imageSet + "getImageSetMetadata", "GetImageSetMetadata", reads::getImageSetMetadata)
                .add("POST", imageSet + "getImageFrame", "GetImageFrame", reads::getImageFrame)
                .add("POST", imageSet + "listImageSetVersions", "ListImageSetVersions", reads::listVersions)
                .add("POST", imageSet + "updateImageSetMetadata", "UpdateImageSetMetadata",
                        new UpdateImageSetMetadataHandler(context)::handle)
                .add("POST", "/datastore/{datastoreId}/imageSet/{sourceImageSetId}/copyImageSet", "CopyImageSet",
                        new CopyImageSetHandler(context)::handle)
                .add("POST", imageSet + "deleteImageSet", "DeleteImageSet", new DeleteImageSetHandler(context)::handle)
                .add("POST", "/tags/{resourceArn}", "TagResource", tags::tag)
                .add("GET", "/tags/{resourceArn}", "ListTagsForResource", tags::list)
                .add("DELETE", "/tags/{resourceArn}", "UntagResource", tags::untag);
    }
}
