package org.ahibridge.dicom.p10;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.TransferSyntax;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The classifier over real files written by dcmtk in every transfer syntax it writes. */
@Requires(Dcmtk.class)
class P10ClassifierCorpusTest {

    private final P10Classifier classifier = new P10Classifier();

    static List<DcmtkCorpus.Item> items() {
        return DcmtkCorpus.items();
    }

    @ParameterizedTest
    @MethodSource("items")
    void shouldAcceptEveryCorpusFileAndReadOnlyItsHeader(DcmtkCorpus.Item item) throws IOException {
        P10Verdict verdict = classifier.classify(item.file());

        assertThat(verdict.compliant()).as(verdict.message()).isTrue();
        assertThat(verdict.attributes().transferSyntaxUid()).isEqualTo(item.transferSyntaxUid());
        assertThat(verdict.size()).isEqualTo(Files.size(item.file()));
        assertThat(verdict.bytesRead()).isLessThanOrEqualTo(2L * P10Classifier.BUFFER_SIZE);
    }

    @Test
    void shouldReadUnderTwoPercentOfTheCtSlice() throws IOException {
        P10Verdict verdict = classifier.classify(DcmtkCorpus.ctSlice());

        assertThat(verdict.size()).isGreaterThan(512 * 1024);
        assertThat((double) verdict.bytesRead() / verdict.size()).isLessThan(0.02);
        assertThat(verdict.attributes().modality()).isEqualTo("CT");
        assertThat(verdict.attributes().seriesNumber()).isEqualTo(1);
    }

    @Test
    void shouldExtractNumberOfFramesOfTheMultiFrameObject() throws IOException {
        assertThat(classifier.classify(DcmtkCorpus.multiFrame()).attributes().numberOfFrames()).isEqualTo(24);
    }

    @Test
    void shouldGiveTheSameVerdictsFromManyThreadsWithOneInstance() throws Exception {
        List<P10Verdict> sequential = new java.util.ArrayList<>();
        for (DcmtkCorpus.Item item : DcmtkCorpus.items()) {
            sequential.add(classifier.classify(item.file()));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<java.util.concurrent.Future<P10Verdict>> futures = new java.util.ArrayList<>();
                for (DcmtkCorpus.Item item : DcmtkCorpus.items()) {
                    futures.add(pool.submit(() -> classifier.classify(item.file())));
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReportTheDicomdirAsMediaDirectory() throws IOException {
        P10Verdict verdict = classifier.classify(DcmtkCorpus.dicomdir());

        assertThat(verdict.reason()).isEqualTo(P10Reason.MEDIA_DIRECTORY);
        assertThat(verdict.attributes().sopClassUid()).isEqualTo("1.2.840.10008.1.3.10");
    }

    /**
     * Cut 100 bytes before the end, and cut 40 bytes into the pixel data. For a multi-frame
     * encapsulated object only the second is visible without reading pixels (the margin covers the
     * offset table and the first fragment), so the first cut is checked on the others.
     */
    @ParameterizedTest
    @MethodSource("items")
    void shouldReportEveryCorpusFileCutInItsPixelDataAsTruncated(DcmtkCorpus.Item item) throws IOException {
        Assumptions.assumeFalse(item.transferSyntaxUid().equals("1.2.840.10008.1.2.1.99"),
                "a deflated object's size says nothing about its inflated pixel data");
        byte[] bytes = Files.readAllBytes(item.file());
        long pixelValue;
        try (var in = Files.newInputStream(item.file())) {
            pixelValue = DicomReader.read(in, ReadOptions.header()).pixelData().valueOffset();
        }
        boolean multiFrameEncapsulated = item.description().startsWith("mr-multiframe")
                && !TransferSyntax.isNative(item.transferSyntaxUid());
        List<Integer> cuts = multiFrameEncapsulated ? List.of((int) pixelValue + 40)
                : List.of((int) pixelValue + 40, bytes.length - 100);
        for (int cut : cuts) {
            P10Verdict verdict = classifier.classify(new ByteArrayInputStream(bytes, 0, cut), cut);

            assertThat(verdict.reason()).as("cut at %d: %s", cut, verdict.message()).isEqualTo(P10Reason.TRUNCATED);
        }
    }
}
