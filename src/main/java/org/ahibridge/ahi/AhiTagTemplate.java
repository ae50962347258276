package org.ahibridge.ahi;

import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medicalimaging.MedicalImagingClient;

/** {@link AhiTagging} over the AWS SDK's {@link MedicalImagingClient}; datastore ARNs are looked up once. */
final class AhiTagTemplate implements AhiTagging {

    static final String TAG = "TagResource";
    static final String GET_DATASTORE = "GetDatastore";

    private final MedicalImagingClient client;
    private final Map<String, String> datastoreArns;

    /** @param datastoreArns a cache shared by the templates of one client, datastore id to ARN */
    AhiTagTemplate(MedicalImagingClient client, Map<String, String> datastoreArns) {
        this.client = Objects.requireNonNull(client, "client");
        this.datastoreArns = datastoreArns;
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
            client.tagResource(b -> b.resourceArn(resourceArn).tags(tags));
        } catch (SdkException e) {
            throw AhiErrors.translate(TAG, e);
        }
    }
}
