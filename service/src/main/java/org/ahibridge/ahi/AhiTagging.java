package org.ahibridge.ahi;

import java.util.Map;

/**
 * Tagging of AHI resources (docs/aws-healthimaging.md §1.3 TagResource; IAM action {@code
 * medical-imaging:TagResource}, plus
 * {@code GetDatastore} to learn the datastore's ARN). Failures are translated like {@link AhiOperations}:
 * {@link AhiThrottledException} is worth retrying, {@link AhiRejectedException} is not.
 */
public interface AhiTagging {

    /**
     * The ARN of an image set, {@code arn:<partition>:medical-imaging:<region>:<account>:datastore/<id>/imageset/<id>}
     * (docs/aws-healthimaging.md §11.1), built on the datastore ARN that GetDatastore reports, so partition, region and
     * account are AHI's own.
     */
    String imageSetArn(String datastoreId, String imageSetId);

    /** Adds tags to a resource; existing keys are overwritten, so repeating a call is harmless. */
    void tagResource(String resourceArn, Map<String, String> tags);
}
