package org.ahibridge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.embedded.EmbeddedEmulator;
import org.ahibridge.exporting.ExportConfig;
import org.ahibridge.exporting.ExportJob;
import org.ahibridge.exporting.ExportReport;
import org.ahibridge.exporting.ExportReportWriter;
import org.ahibridge.exporting.ExportRequest;
import org.ahibridge.exporting.ExportSelection;
import org.ahibridge.exporting.ExportSettings;
import org.ahibridge.exporting.OverwritePolicy;
import org.ahibridge.exporting.PathTemplate;
import org.ahibridge.startup.AwsCredentials;
import org.ahibridge.startup.StartupProblem;
import org.ahibridge.storage.AccessModeException;

/**
 * {@code export [--datastore NAME] --destination URI [filters] --once} (docs/design.md §6): one bulk export
 * of the selected image sets to a destination, then exit. The last line printed is a JSON summary
 * with an {@code outcomes} key (EXPORTED, SKIPPED_EXISTS, FAILED) and the run's AWS {@code requests}. Exit 0
 * when the run completed, even with failed instances; 1 when it could not complete (configuration, access
 * refused, AHI search failing); 2 for usage errors. Beans are wired by hand ({@link ExportJob}), not by Spring.
 */
public final class ExportCommand implements Command {

    static final CommandSpec SPEC = new CommandSpec("export", """
            [--datastore NAME] --destination URI|STORAGE --once [filters] [options]""",
            "exports image sets as DICOM P10 files to a folder or bucket, then exits",
            """
            Exports the selected image sets (all of them when no filter is given) as DICOM Part 10 files to a
            destination, then exits once every instance has an outcome (EXPORTED, SKIPPED_EXISTS, FAILED).
            The last line printed is a JSON summary of the run. The datastore must allow read and the
            destination write.""",
            List.of(Option.value("--destination", "URI", """
                            where the files go (required): file:FOLDER, s3://bucket/prefix/,
                            azure-blob://account/container/prefix/, gs://bucket/prefix/, or a storage
                            registered under ahibridge.storages"""),
                    Option.value("--datastore", "NAME", "the datastore to read (default: local)"),
                    Option.flag("--once", "required: export once and exit (scheduled exports are routes)"),
                    Option.value("--patient-id", "ID", "filter: the Patient ID"),
                    Option.value("--accession-number", "N", "filter: the Accession Number"),
                    Option.value("--study-id", "ID", "filter: the Study ID"),
                    Option.value("--study-uid", "UID", "filter: the Study Instance UID (digits and dots)"),
                    Option.value("--series-uid", "UID", "filter: the Series Instance UID (digits and dots)"),
                    Option.value("--study-date", "FROM..TO", """
                            filter: study dates YYYYMMDD..YYYYMMDD; one date alone, or an open end
                            (20240101..)"""),
                    Option.value("--created", "FROM..TO", "filter: image sets created in this range of instants"),
                    Option.value("--updated", "FROM..TO", "filter: image sets updated in this range of instants"),
                    Option.value("--updated-since", "INSTANT", "filter: image sets updated since this instant"),
                    Option.repeatable("--image-set-id", "ID", "filter: this image set (32 lower-case letters or digits)"),
                    Option.flag("--primary-only", "only primary image sets"),
                    Option.flag("--all-versions", "primary and non-primary image sets (the default)"),
                    Option.flag("--incremental", "only what changed since the last run's updatedAt watermark"),
                    Option.value("--overwrite", "POLICY", """
                            existing files: never (default, SKIPPED_EXISTS), always, or if-different"""),
                    Option.value("--template", "TEMPLATE", """
                            the path of each file, with {DICOM keyword}, {ImageSetID} and
                            {DatastoreID} placeholders (default:\s""" + PathTemplate.defaultTemplate() + ")"),
                    Option.value("--concurrency", "N", "instances exported at once, 1 to 256 (default: 4)"),
                    Option.value("--frame-threads", "N", "frame fetches at once, 1 to 256 (default: 16)"),
                    Option.value("--frame-window", "N", "frames buffered per instance, 1 to 256 (default: 8)"),
                    Option.value("--config", "FILE", "the configuration file (default: ./application.yaml)")),
            null, false,
            List.of("Instants are ISO-8601, e.g. 2026-01-31T00:00:00Z; either end of a range may be left empty.",
                    "Exit status: 0 the run completed, even with failed instances; 1 it could not complete;",
                    "2 usage error. Example:",
                    "  java -jar ahi-bridge.jar export --destination file:out --once"));

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLine.run(SPEC, args, out, err, parsed -> export(request(parsed), out, err));
    }

    private static int export(ExportRequest request, PrintStream out, PrintStream err) {
        EmbeddedEmulator embedded = null;
        RunRequests requests = RunRequests.start();
        try {
            RunPreconditions.requireCreatableFolder(request.destination());
            embedded = embeddedDefault(request);
            EmbeddedEmulator local = embedded;
            ExportReport report = ExportJob.run(request, registrations -> local == null
                    || registrations.hasDatastore(EmbeddedEmulator.DATASTORE) ? registrations
                            : registrations.withDatastore(local.readyLocal()));
            out.println(requests.addTo(ExportReportWriter.summary(report, request.datastore(), request.destination())));
            return Commands.OK;
        } catch (StartupProblem e) {
            err.println("export: " + e.getMessage());
            return e.isConfiguration() ? Commands.USAGE : Commands.FAILED;
        } catch (IllegalArgumentException | AccessModeException e) {
            // An unknown datastore or storage, a malformed URI, an access mode that forbids the export.
            err.println("export: " + e.getMessage());
            return Commands.USAGE;
        } catch (Exception e) {
            String problem = AwsCredentials.missingIn(e, "datastore '" + request.datastore() + "'")
                    .map(Throwable::getMessage).orElseGet(e::getMessage);
            err.println("export: the run could not complete: " + problem);
            return Commands.FAILED;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * The embedded default (docs/design.md §5) for the datastore {@code local}: the in-process emulator with its
     * state under {@code ahibridge.embedded.data-dir}, started only if {@code local} is not configured.
     */
    private static EmbeddedEmulator embeddedDefault(ExportRequest request) throws java.io.IOException {
        if (!EmbeddedEmulator.DATASTORE.equals(request.datastore())) {
            return null;
        }
        ExportConfig config = ExportConfig.load(request.configFile());
        if (!Boolean.parseBoolean(config.string("ahibridge.embedded.enabled", "true"))) {
            return null;
        }
        return new EmbeddedEmulator(java.nio.file.Path.of(config.string("ahibridge.embedded.data-dir",
                "data/emulator")), false);
    }

    private static ExportRequest request(ParsedArgs args) {
        String destination = args.required("--destination");
        if (!args.has("--once")) {
            throw new UsageException("--once is required (continuous exports run as routes in the service)");
        }
        if (args.has("--primary-only") && args.has("--all-versions")) {
            throw new UsageException("--primary-only and --all-versions exclude each other; give one");
        }
        if (args.text("--updated", null) != null && args.text("--updated-since", null) != null) {
            throw new UsageException("--updated and --updated-since exclude each other; give one");
        }
        String studyUid = uid(args.text("--study-uid", null), "--study-uid");
        String seriesUid = uid(args.text("--series-uid", null), "--series-uid");
        LocalDate[] studyDates = dates(args.text("--study-date", null));
        Instant[] created = instants(args.text("--created", null), "--created");
        Instant[] updated = args.text("--updated-since", null) == null ? instants(args.text("--updated", null), "--updated")
                : new Instant[] {instant(args.text("--updated-since", null), "--updated-since"), null};
        List<String> ids = args.all("--image-set-id").stream().map(ExportCommand::imageSetId).toList();
        ExportSettings settings = ExportSettings.DEFAULT;
        settings = settings.withConcurrency(number(args, "--concurrency", settings.instanceConcurrency()),
                number(args, "--frame-threads", settings.frameThreads()),
                number(args, "--frame-window", settings.frameWindow()));
        ExportSelection selection = new ExportSelection(args.text("--patient-id", null),
                args.text("--accession-number", null), args.text("--study-id", null), studyUid, seriesUid,
                studyDates[0], studyDates[1], created[0], created[1], updated[0], updated[1],
                args.has("--primary-only"), new ArrayList<>(ids));
        return new ExportRequest(args.text("--datastore", "local"), destination, selection, template(args),
                policy(args), args.has("--incremental"), settings, Path.of(args.text("--config", "application.yaml")));
    }

    private static int number(ParsedArgs args, String option, int orElse) {
        return args.wholeNumber(option, orElse, 1, 256);
    }

    private static OverwritePolicy policy(ParsedArgs args) {
        try {
            return OverwritePolicy.parse(args.text("--overwrite", "never"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--overwrite takes never, always or if-different");
        }
    }

    // PathTemplate's own messages quote the template; the usage line says what is expected instead.
    private static PathTemplate template(ParsedArgs args) {
        String text = args.text("--template", null);
        if (text == null) {
            return PathTemplate.defaultTemplate();
        }
        try {
            return PathTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--template needs a relative path of safe characters whose placeholders are"
                    + " DICOM keywords, {ImageSetID} or {DatastoreID}, e.g. {StudyInstanceUID}/{SOPInstanceUID}.dcm");
        }
    }

    private static String uid(String value, String option) {
        if (value != null && !value.matches("[0-9.]{1,64}")) {
            throw new UsageException(option + " must be a DICOM UID (digits and dots)");
        }
        return value;
    }

    private static String imageSetId(String value) {
        if (!value.matches("[0-9a-z]{32}")) {
            throw new UsageException("--image-set-id must be 32 lower-case letters or digits");
        }
        return value;
    }

    private static LocalDate[] dates(String range) {
        if (range == null) {
            return new LocalDate[] {null, null};
        }
        String[] parts = split(range, "--study-date");
        try {
            DateTimeFormatter da = DateTimeFormatter.BASIC_ISO_DATE;
            return new LocalDate[] {parts[0].isEmpty() ? null : LocalDate.parse(parts[0], da),
                    parts[1].isEmpty() ? null : LocalDate.parse(parts[1], da)};
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--study-date takes YYYYMMDD..YYYYMMDD");
        }
    }

    private static Instant[] instants(String range, String option) {
        if (range == null) {
            return new Instant[] {null, null};
        }
        String[] parts = split(range, option);
        return new Instant[] {parts[0].isEmpty() ? null : instant(parts[0], option),
                parts[1].isEmpty() ? null : instant(parts[1], option)};
    }

    private static Instant instant(String text, String option) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(option + " takes ISO-8601 instants such as 2026-01-31T00:00:00Z");
        }
    }

    private static String[] split(String range, String option) {
        int dots = range.indexOf("..");
        if (dots < 0) {
            return new String[] {range, range};
        }
        String[] parts = {range.substring(0, dots), range.substring(dots + 2)};
        if (parts[0].isEmpty() && parts[1].isEmpty()) {
            throw new UsageException(option + " needs at least one bound");
        }
        return parts;
    }
}
