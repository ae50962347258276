package org.ahibridge.emulator;

import org.ahibridge.emulator.junit.EmulatorClients;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.medicalimaging.model.JobStatus;

import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.emulator.junit.EmulatorExtension;

/** With a data directory, data stores, jobs, image sets (metadata and frames), tags and S3 objects survive a restart. */
@Requires(Dcmtk.class)
class EmulatorPersistenceIT {

    @RegisterExtension
    final EmulatorExtension emulator = EmulatorExtension.create().withTemporaryDataDir();

    @Test
    void shouldKeepStateAcrossARestart() throws Exception {
        String datastoreId;
        String jobId;
        String imageSetId;
        byte[] frame;
        String frameId;
        {
            var ahi = emulator.ahi();
            var s3 = emulator.s3();
            s3.createBucket(b -> b.bucket("kept-bucket"));
            s3.putObject(b -> b.bucket("kept-bucket").key("in/ct.dcm"),
                    RequestBody.fromBytes(AhiImportIT.corpus("ct rle")));
            datastoreId = ahi.createDatastore(b -> b.datastoreName("kept").tags(Map.of("keep", "yes"))).datastoreId();
            EmulatorClients.awaitActive(ahi, datastoreId, java.time.Duration.ofSeconds(30));
            String store = datastoreId;
            jobId = ahi.startDICOMImportJob(b -> b.datastoreId(store).dataAccessRoleArn(
                    "arn:aws:iam::123456789012:role/R").inputS3Uri("s3://kept-bucket/in/")
                    .outputS3Uri("s3://kept-bucket/out/")).jobId();
            String job = jobId;
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ahi.getDICOMImportJob(b -> b
                    .datastoreId(store).jobId(job)).jobProperties().jobStatus() == JobStatus.COMPLETED);
            imageSetId = ahi.searchImageSets(b -> b.datastoreId(store)).imageSetsMetadataSummaries().get(0).imageSetId();
            String set = imageSetId;
            frameId = EmulatorClients.gunzipJson(ahi.getImageSetMetadataAsBytes(b -> b.datastoreId(store)
                    .imageSetId(set)).asByteArray()).findValue("ImageFrames").get(0).get("ID").asText();
            String id = frameId;
            frame = ahi.getImageFrameAsBytes(b -> b.datastoreId(store).imageSetId(set)
                    .imageFrameInformation(f -> f.imageFrameId(id))).asByteArray();
        }

        Path dataDir = emulator.dataDir();
        emulator.restart(); // new ports, the same data directory

        assertThat(emulator.dataDir()).isEqualTo(dataDir);
        {
            var ahi = emulator.ahi();
            var s3 = emulator.s3();
            String store = datastoreId;
            String set = imageSetId;
            String job = jobId;
            String id = frameId;
            var properties = ahi.getDatastore(b -> b.datastoreId(store)).datastoreProperties();
            assertThat(properties.datastoreName()).isEqualTo("kept");
            assertThat(ahi.listTagsForResource(b -> b.resourceArn(properties.datastoreArn())).tags())
                    .containsEntry("keep", "yes");
            assertThat(ahi.getDICOMImportJob(b -> b.datastoreId(store).jobId(job)).jobProperties().jobStatus())
                    .isEqualTo(JobStatus.COMPLETED);
            assertThat(ahi.getImageSet(b -> b.datastoreId(store).imageSetId(set)).isPrimary()).isTrue();
            assertThat(ahi.getImageFrameAsBytes(b -> b.datastoreId(store).imageSetId(set)
                    .imageFrameInformation(f -> f.imageFrameId(id))).asByteArray()).isEqualTo(frame);
            assertThat(s3.listObjectsV2(b -> b.bucket("kept-bucket").prefix("out/")).contents())
                    .anySatisfy(o -> assertThat(o.key()).endsWith("job-output-manifest.json"));
        }
    }
}
