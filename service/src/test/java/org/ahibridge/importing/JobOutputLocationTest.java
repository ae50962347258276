package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ahibridge.storage.StorageUris;
import org.junit.jupiter.api.Test;

class JobOutputLocationTest {

    static final String DS = "12345678901234567890123456789012";
    static final String JOB = "09876543210987654321098765432109";
    static final String FOLDER = DS + "-DicomImport-" + JOB + "/";

    @Test
    void shouldAppendTheJobFolderToTheCallersPrefix() {
        assertThat(JobOutputLocation.jobFolderUri("s3://out-bucket/job_output/", DS, JOB))
                .isEqualTo("s3://out-bucket/job_output/" + FOLDER);
        assertThat(JobOutputLocation.jobFolderUri("s3://out-bucket/job_output", DS, JOB))
                .isEqualTo("s3://out-bucket/job_output/" + FOLDER);
    }

    @Test
    void shouldKeepAUriThatAlreadyEndsWithTheJobFolder() {
        assertThat(JobOutputLocation.jobFolderUri("s3://out-bucket/job_output/" + FOLDER, DS, JOB))
                .isEqualTo("s3://out-bucket/job_output/" + FOLDER);
        assertThat(JobOutputLocation.jobFolderUri("s3://out-bucket/job_output/" + FOLDER.replace("/", ""), DS, JOB))
                .isEqualTo("s3://out-bucket/job_output/" + FOLDER);
    }

    @Test
    void shouldTurnTheFolderIntoAKeyOfTheOutputStorage() {
        assertThat(JobOutputLocation.jobFolderKey(StorageUris.parse("s3://out-bucket/job_output/"),
                "s3://out-bucket/job_output/" + FOLDER)).isEqualTo(FOLDER);
        assertThatThrownBy(() -> JobOutputLocation.jobFolderKey(StorageUris.parse("s3://out-bucket/other/"),
                "s3://out-bucket/job_output/" + FOLDER)).hasMessageContaining("outside the datastore's output location");
    }
}
