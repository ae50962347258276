package org.ahibridge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.ahibridge.storage.AccessMode;
import org.ahibridge.storage.RegistrationProperties;
import org.ahibridge.storage.Registrations;
import org.ahibridge.storage.StorageRegistration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A gcs storage as configuration binds it: project and endpoint optional, nothing secret. */
class GcsRegistrationBindingTest {

    @Test
    void shouldBindProjectAndEndpointFromConfigurationKeys() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "ahibridge.storages.archive.location", "gs://archive-bucket/dicom/",
                "ahibridge.storages.archive.access", "Export only",
                "ahibridge.storages.archive.project", "my-project",
                "ahibridge.storages.archive.endpoint", "http://127.0.0.1:4443",
                "ahibridge.storages.plain.location", "gs://plain-bucket/",
                "ahibridge.storages.plain.access", "read"));
        RegistrationProperties properties = new Binder(source).bind("ahibridge", RegistrationProperties.class).get();

        Registrations registrations = Registrations.from(properties);

        StorageRegistration archive = registrations.storage("archive").orElseThrow();
        assertThat(archive.access()).isEqualTo(AccessMode.WRITE);
        assertThat(archive.gcs()).isEqualTo(new GcsConnection("my-project", URI.create("http://127.0.0.1:4443")));
        assertThat(archive.location().uri()).isEqualTo("gs://archive-bucket/dicom/");
        assertThat(registrations.storage("plain").orElseThrow().gcs()).isEqualTo(GcsConnection.DEFAULT);
    }
}
