package org.ahibridge.ahi;

import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

/**
 * {@link AhiTagging} over the AWS SDK's {@link MedicalImagingClient}: TagResource paced at 5 per second,
 * datastore ARNs looked up once.
 */
final class AhiTagTemplate implements AhiTagging {

    static final String TAG = "TagResource";
    static final String GET_DATASTORE = "GetDatastore";

    private final MedicalImagingClient client;
    private final Map<String, String> datastoreArns;
    private final TokenBucket pace;

    /**
     * @param datastoreArns a cache shared by the templates of one client, datastore id to ARN
     * @param pace          paces TagResource calls, shared by every datastore of the process
     */
    AhiTagTemplate(MedicalImagingClient client, Map<String, String> datastoreArns, TokenBucket pace) {
        this.client = Objects.requireNonNull(client, "client");
        this.datastoreArns = datastoreArns;
        this.pace = pace;
    }

    @Override
    public String imageSetArn(String datastoreId, String imageSetId) {
        String datastoreArn = datastoreArns.get(datastoreId);
        if (datastoreArn == null) {
            try {
                datastoreArn = client.getDatastore(b -> b.datastoreId(datastoreId)).datastoreProperties().datastoreArn();
            } catch (SdkException e) {
                throw AhiErrors.translate(GET_DATASTORE, e);
            }
            if (datastoreArn == null || !datastoreArn.endsWith(":datastore/" + datastoreId)) {
                throw new AhiRejectedException(GET_DATASTORE, null, 200, "GetDatastore returned no usable datastoreArn"
                        + " for datastore " + datastoreId, null);
            }
            datastoreArns.put(datastoreId, datastoreArn);
        }
        return datastoreArn + "/imageset/" + imageSetId;
    }

    @Override
    public void tagResource(String resourceArn, Map<String, String> tags) {
        try {
            pace.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AhiThrottledException(TAG, null, 0, "interrupted while waiting for the tagging pace", e);
        }
        try {
            client.tagResource(b -> b.resourceArn(resourceArn).tags(tags));
        } catch (SdkException e) {
            throw AhiErrors.translate(TAG, e);
        }
    }
}
