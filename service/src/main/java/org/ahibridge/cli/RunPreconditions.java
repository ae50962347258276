package org.ahibridge.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ahibridge.embedded.EmbeddedEmulator;
import org.ahibridge.startup.AwsCredentials;
import org.ahibridge.startup.StartupProblem;
import org.ahibridge.storage.DatastoreRegistration;
import org.ahibridge.storage.StorageProvider;
import org.ahibridge.storage.StorageRegistration;
import org.ahibridge.storage.StorageLocation;
import org.ahibridge.storage.StorageSelection;
import org.ahibridge.storage.StorageUris;
import org.ahibridge.storage.Registrations;
import org.springframework.context.ConfigurableApplicationContext;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * What a one-shot run checks before anything moves, so that a mistake fails in one clear line instead of
 * succeeding with nothing done or failing half-way: a source folder that does not exist, and AWS
 * credentials missing for a registration that needs them.
 */
final class RunPreconditions {

    private final Registrations registrations;
    private final EmbeddedEmulator embedded;

    private RunPreconditions(Registrations registrations, EmbeddedEmulator embedded) {
        this.registrations = registrations;
        this.embedded = embedded;
    }

    static RunPreconditions of(ConfigurableApplicationContext context) {
        return new RunPreconditions(context.getBean(Registrations.class),
                context.getBeanProvider(EmbeddedEmulator.class).getIfAvailable());
    }

    void requireImport(String source, String datastoreName) {
        DatastoreRegistration datastore = registrations.datastore(datastoreName);
        StorageSelection selection = registrations.resolveStorage(source);
        requireFolder(selection);
        Map<String, URI> aws = awsEndpoints(datastore);
        putS3(aws, describe(selection.registration()), selection.registration());
        requireCredentials(aws);
    }

    void requireRedrive(String datastoreName) {
        requireCredentials(awsEndpoints(registrations.datastore(datastoreName)));
    }

    // A folder source that does not exist would be created empty and imported as 0 files, exit 0.
    private static void requireFolder(StorageSelection selection) {
        if (selection.registration().provider() != StorageProvider.FILE) {
            return;
        }
        Path folder = selection.registration().location().folder().resolve(selection.prefix());
        if (!Files.isDirectory(folder)) {
            throw new StartupProblem("the source folder " + folder + " does not exist (" + describe(
                    selection.registration()) + "): create it and put the files there, or correct --source", true);
        }
    }

    /**
     * A {@code file:} destination must be a folder that exists or can be created: its nearest existing
     * ancestor is a writable folder. Checked before the export starts anything.
     */
    static void requireCreatableFolder(String destination) {
        if (!StorageUris.isUri(destination)) {
            return;
        }
        StorageLocation location = StorageUris.parse(destination);
        if (location.provider() != StorageProvider.FILE) {
            return;
        }
        Path folder = location.folder().toAbsolutePath();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new StartupProblem("the destination folder " + folder + " cannot be created: " + existing
                    + (existing != null && Files.isDirectory(existing) ? " is not writable" : " is not a folder")
                    + "; choose another --destination", true);
        }
    }

    /** The datastore's AHI endpoint and its staging and output storages, by how the user knows them. */
    private static Map<String, URI> awsEndpoints(DatastoreRegistration datastore) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        String name = "datastore '" + datastore.name() + "' (" + datastore.configurationKey() + ")";
        endpoints.put(name, datastore.endpoint());
        putS3(endpoints, "the staging of " + name, datastore.requireStaging());
        putS3(endpoints, "the output of " + name, datastore.requireOutput());
        return endpoints;
    }

    /** An S3 storage's endpoint (null: AWS itself); other providers have credentials of their own. */
    private static void putS3(Map<String, URI> endpoints, String name, StorageRegistration storage) {
        if (storage.provider() == StorageProvider.S3 && storage.s3() != null) {
            endpoints.put(name, storage.s3().endpoint());
        }
    }

    /** Resolves the default chain once, for the first registration that is not served by the embedded emulator. */
    private void requireCredentials(Map<String, URI> endpoints) {
        endpoints.entrySet().stream().filter(e -> embedded == null || !embedded.owns(e.getValue())).findFirst()
                .ifPresent(e -> AwsCredentials.require(e.getKey(), DefaultCredentialsProvider.builder().build()));
    }

    private static String describe(StorageRegistration registration) {
        return registration.configurationKey().startsWith("(") ? "source " + registration.location().uri()
                : "storage '" + registration.name() + "' (" + registration.configurationKey() + ")";
    }
}
