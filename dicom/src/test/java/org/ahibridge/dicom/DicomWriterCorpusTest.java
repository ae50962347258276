package org.ahibridge.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.ahibridge.dicom.testing.CorpusFiles;
import org.ahibridge.dicom.testing.DatasetDiff;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.Dicom3tools;
import org.ahibridge.dicom.testing.ExternalTool;
import org.ahibridge.dicom.testing.LeftOut;
import org.ahibridge.dicom.testing.PydicomTestFiles;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus file is read, written back in its own transfer syntax and (when its pixel data is
 * native) in each native syntax, and each output is checked by independent tools: {@code dcmftest}
 * says yes, {@code dcmdump} parses it with no error or warning the source did not already cause,
 * {@code dciodvfy} reports no error the source did not already have, and reading it back gives the
 * same data set and meta (implementation identity and transfer syntax aside, which change by design).
 * Files with Pixel Data are also written through the streaming API in their own syntax and checked alike.
 */
class DicomWriterCorpusTest {

    private static final List<String> NATIVE = List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    private static final Path OUT = Path.of("target", "writer-roundtrip");

    @TestFactory
    @Requires(Dcmtk.class)
    Stream<DynamicTest> shouldWriteEveryCorpusFileSoThatToolsAcceptItAndItReadsBackIdentically() {
        Stream<DynamicTest> files = CorpusFiles.all().stream()
                .map(file -> DynamicTest.dynamicTest(CorpusFiles.label(file), () -> roundTrip(file)));
        return Stream.of(files, LeftOut.unless(new PydicomTestFiles(), "pydicom's test files"),
                LeftOut.unless(new Dicom3tools(), "dciodvfy checks of every written file")).flatMap(s -> s);
    }

    private static void roundTrip(Path source) throws IOException {
        DicomFile file;
        try {
            file = CorpusFiles.read(source);
        } catch (DicomParseException e) {
            Assumptions.abort("the reader rejects this file (" + e.kind() + "), a reader test covers it");
            return;
        }
        Files.createDirectories(OUT);
        if (FileMetaInformation.withDatasetUids(file.fileMeta(), file.dataset())
                .getString(Tags.MEDIA_STORAGE_SOP_CLASS_UID) == null) {
            // Neither meta nor data set names the SOP Class: not writable as Part 10, and said so.
            assertThatThrownBy(() -> DicomWriter.write(OutputStream.nullOutputStream(), file.fileMeta(),
                    file.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0002,0002)");
            return;
        }
        String syntax = file.transferSyntaxUid();
        boolean nativePixels = !(file.dataset().get(Tags.PIXEL_DATA) != null
                && file.dataset().get(Tags.PIXEL_DATA).isEncapsulated());
        Set<String> targets = new LinkedHashSet<>();
        targets.add(syntax);
        if (nativePixels) {
            targets.addAll(NATIVE);
        }
        Set<String> sourceWarnings = dcmdumpComplaints(source);
        Set<String> sourceErrors = dciodvfyErrors(inflatedIfDeflated(source, syntax), file);
        String name = CorpusFiles.label(source).replace('/', '_');
        for (String target : targets) {
            Path output = OUT.resolve(name + "." + target + ".dcm");
            DicomWriter.write(output, file.fileMeta(), file.dataset(), target);
            checkOutput(output, file, file.dataset(), target, sourceWarnings, sourceErrors);
        }
        Element pixels = file.dataset().get(Tags.PIXEL_DATA);
        if (pixels != null && (pixels.isEncapsulated() || pixels.vr() == VR.OB || pixels.vr() == VR.OW)) {
            Path output = OUT.resolve(name + ".streamed." + syntax + ".dcm");
            checkOutput(output, file, writeStreamed(output, file, syntax), syntax, sourceWarnings, sourceErrors);
        }
    }

    /**
     * Writes the file through the streaming API: attributes, then Pixel Data from streams (fragments
     * one by one after an empty Basic Offset Table), then what follows Pixel Data. Returns the data set
     * a reader should see: the source's, with an empty offset table when encapsulated.
     */
    private static Attributes writeStreamed(Path output, DicomFile file, String syntax) throws IOException {
        Attributes dataset = file.dataset();
        Element pixels = dataset.get(Tags.PIXEL_DATA);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
            DicomWriter writer = new DicomWriter(out, syntax);
            writer.writeHeader(FileMetaInformation.withDatasetUids(file.fileMeta(), dataset));
            writer.writeDataset(dataset.subset(0, Tags.PIXEL_DATA));
            if (pixels.isEncapsulated()) {
                FragmentSink sink = writer.startEncapsulatedPixelData();
                for (byte[] fragment : pixels.fragments().subList(1, pixels.fragments().size())) {
                    sink.writeFragment(new ByteArrayInputStream(fragment), fragment.length);
                }
                sink.finish();
            } else {
                writer.writePixelData(pixels.vr(), pixels.bytes().length, new ByteArrayInputStream(pixels.bytes()));
            }
            writer.writeDataset(dataset.subset(Tags.PIXEL_DATA + 1, -1));
            writer.finish();
        }
        if (!pixels.isEncapsulated()) {
            return dataset;
        }
        List<byte[]> fragments = new ArrayList<>(pixels.fragments());
        fragments.set(0, new byte[0]);
        Attributes expected = dataset.copy();
        expected.put(Element.ofFragments(Tags.PIXEL_DATA, VR.OB, fragments));
        return expected;
    }

    private static void checkOutput(Path output, DicomFile file, Attributes expected, String syntax,
            Set<String> sourceWarnings, Set<String> sourceErrors) throws IOException {
        String what = output + " (" + TransferSyntax.nameOf(syntax) + ")";

        ExternalTool.Result ftest = ExternalTool.run("dcmftest", output.toString());
        assertThat(ftest.stdout()).as("dcmftest on " + what).startsWith("yes:");
        assertThat(ftest.exitCode()).as("dcmftest exit code on " + what).isZero();

        Set<String> complaints = dcmdumpComplaints(output);
        if (sourceWarnings.isEmpty()) {
            assertThat(complaints).as("dcmdump errors and warnings on " + what).isEmpty();
        } else {
            assertThat(sourceWarnings).as("dcmdump complaints on " + what + " beyond the source's").containsAll(complaints);
        }
        // dciodvfy cannot read deflated data sets (it fails on dcmtk's own); their content is
        // checked by the read-back comparison, and the same data set in explicit VR LE by dciodvfy.
        if (sourceErrors != null && !syntax.equals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            assertThat(sourceErrors).as("dciodvfy errors on " + what + " beyond the source's")
                    .containsAll(dciodvfyErrors(output, file));
        }

        DicomFile back = CorpusFiles.read(output);
        assertThat(DatasetDiff.differences(expected, back.dataset(),
                syntax.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))).as("data set read back from " + what).isEmpty();
        assertMetaKept(file.fileMeta(), back.fileMeta(), syntax, what);
    }

    private static void assertMetaKept(Attributes source, Attributes written, String syntax, String what) {
        assertThat(written.getString(Tags.TRANSFER_SYNTAX_UID)).as(what).isEqualTo(syntax);
        assertThat(written.getString(Tags.IMPLEMENTATION_CLASS_UID)).as(what).isEqualTo(Implementation.CLASS_UID);
        assertThat(written.getString(Tags.IMPLEMENTATION_VERSION_NAME)).as(what).isEqualTo(Implementation.VERSION_NAME);
        assertThat(written.getBytes(Tags.FILE_META_INFORMATION_VERSION)).as(what).containsExactly(0, 1);
        Attributes expected = source.copy();
        Attributes actual = written.copy();
        for (int changed : new int[] {Tags.FILE_META_INFORMATION_GROUP_LENGTH, Tags.FILE_META_INFORMATION_VERSION,
                Tags.TRANSFER_SYNTAX_UID, Tags.IMPLEMENTATION_CLASS_UID, Tags.IMPLEMENTATION_VERSION_NAME}) {
            expected.remove(changed);
            actual.remove(changed);
        }
        assertThat(DatasetDiff.differences(expected, actual, false)).as("meta of " + what).isEmpty();
    }

    /** dcmdump's stderr lines (errors and warnings), with the file name taken out; fails on a bad exit. */
    private static Set<String> dcmdumpComplaints(Path file) throws IOException {
        ExternalTool.Result dump = ExternalTool.run(false, "dcmdump", file.toString());
        Set<String> lines = new LinkedHashSet<>();
        for (String line : dump.stderr().split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.replace(file.toString(), "FILE"));
            }
        }
        if (dump.exitCode() != 0) {
            lines.add("exit code " + dump.exitCode());
        }
        return lines;
    }

    /** A deflated source converted by dcmconv to explicit VR LE, so that dciodvfy can read it. */
    private static Path inflatedIfDeflated(Path source, String syntax) throws IOException {
        if (!syntax.equals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) || !ExternalTool.installed("dcmconv")) {
            return source;
        }
        Path inflated = OUT.resolve(CorpusFiles.label(source).replace('/', '_') + ".inflated.dcm");
        ExternalTool.Result result = ExternalTool.run("dcmconv", "+te", source.toString(), inflated.toString());
        assertThat(result.exitCode()).as("dcmconv +te " + source + ": " + result.stderr()).isZero();
        return inflated;
    }

    /** dciodvfy's "Error" lines for image objects; null when dciodvfy is missing or there is no Pixel Data. */
    private static Set<String> dciodvfyErrors(Path file, DicomFile parsed) throws IOException {
        if (!ExternalTool.installed("dciodvfy") || !parsed.dataset().contains(Tags.PIXEL_DATA)) {
            return null;
        }
        ExternalTool.Result result = ExternalTool.run("dciodvfy", file.toString());
        Set<String> errors = new LinkedHashSet<>();
        for (String line : (result.stdout() + "\n" + result.stderr()).split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line.trim());
            }
        }
        return errors;
    }
}
