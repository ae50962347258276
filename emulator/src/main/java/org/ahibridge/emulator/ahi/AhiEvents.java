package org.ahibridge.emulator.ahi;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ahibridge.emulator.ahi.store.ImportJob;
import org.ahibridge.emulator.eventbridge.AwsEvent;
import org.ahibridge.emulator.eventbridge.EventPublisher;

/**
 * The events AHI sends to the default EventBridge bus (docs/aws-healthimaging.md §7.2; AHI developer guide "Event
 * notifications"): source {@code aws.medical-imaging}, import-job and image-set detail types and
 * detail fields. Image set events carry {@code imageSetId} (the spelling of real captured events).
 */
public final class AhiEvents {

    public static final String SOURCE = "aws.medical-imaging";
    private final EventPublisher publisher;
    private final AhiSettings settings;

    public AhiEvents(EventPublisher publisher, AhiSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    /** "Data Store Creating|Created|Deleting|Deleted" (detail: imagingVersion, datastoreId, datastoreName, datastoreStatus). */
    public void datastore(String detailType, String datastoreId, String name, String status) {
        ObjectNode detail = Json.object().put("imagingVersion", "1.0").put("datastoreId", datastoreId)
                .put("datastoreName", name).put("datastoreStatus", status);
        publisher.publish(new AwsEvent(SOURCE, detailType, List.of(settings.datastoreArn(datastoreId)), detail));
    }

    /** "Import Job Submitted|In Progress|Completed|Failed"; outputS3Uri is the job folder, as GetDICOMImportJob's. */
    public void job(String detailType, ImportJob job) {
        ObjectNode detail = Json.object().put("imagingVersion", "1.0").put("datastoreId", job.datastoreId())
                .put("jobId", job.id()).put("jobName", job.name()).put("jobStatus", job.status())
                .put("inputS3Uri", job.inputS3Uri()).put("outputS3Uri", job.jobOutputS3Uri());
        publisher.publish(new AwsEvent(SOURCE, detailType, List.of(settings.datastoreArn(job.datastoreId())), detail));
    }

    /** "Image Set Created|Updating|Updated|Copying|Copied|Deleting|Deleted" with state and workflow status. */
    public void imageSet(String detailType, String datastoreId, String imageSetId, int version, boolean primary,
            String state, String workflowStatus, String sourceImageSetArn) {
        ObjectNode detail = Json.object().put("imagingVersion", "1.0").put("isPrimary", primary)
                .put("imageSetVersion", Integer.toString(version)).put("datastoreId", datastoreId)
                .put("imageSetId", imageSetId).put("imageSetState", state)
                .put("imageSetWorkflowStatus", workflowStatus);
        if (sourceImageSetArn != null) {
            detail.put("sourceImageSetArn", sourceImageSetArn);
        }
        publisher.publish(new AwsEvent(SOURCE, detailType,
                List.of(settings.imageSetArn(datastoreId, imageSetId)), detail));
    }
}
