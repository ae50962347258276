package org.ahibridge.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import org.ahibridge.dicom.p10.P10Attributes;
import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.dicom.p10.P10Reason;
import org.ahibridge.dicom.p10.P10Verdict;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.storage.BlobStore;

/**
 * Classifies a stored object with ranged reads of its header only (PS3.10 §7.1: preamble, prefix and
 * File Meta Information, then the data set up to the pixel data): first the leading 64 KiB, and only
 * when the header runs past that, a second read of up to the classifier's maximum header size. Pixel
 * data is never read.
 */
public final class BlobClassifier {

    static final long FIRST_RANGE = 64 * 1024;

    private final P10Classifier classifier;

    public BlobClassifier(P10Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** The ledger verdict of {@code key} (whose size is {@code size}) in {@code store}. */
    public Verdict classify(BlobStore store, String key, long size) throws IOException {
        return toLedger(read(store, key, size));
    }

    /** The classifier's whole verdict, with every attribute it read (modality, SOP class, ...). */
    public P10Verdict read(BlobStore store, String key, long size) throws IOException {
        P10Verdict verdict = classify(store, key, size, Math.min(size, FIRST_RANGE));
        if (verdict.reason() == P10Reason.TRUNCATED && size > FIRST_RANGE) {
            verdict = classify(store, key, size, Math.min(size, classifier.maxHeaderBytes()));
        }
        return verdict;
    }

    private P10Verdict classify(BlobStore store, String key, long size, long length) throws IOException {
        if (length <= 0) {
            return classifier.classify(InputStream.nullInputStream(), size);
        }
        try (InputStream header = store.openRange(key, 0, length)) {
            return classifier.classify(header, size);
        }
    }

    /** What the ledger keeps of a verdict. */
    public static Verdict toLedger(P10Verdict verdict) {
        P10Attributes a = verdict.attributes();
        if (verdict.compliant()) {
            return Verdict.compliant(a.sopInstanceUid(), a.studyInstanceUid(), a.seriesInstanceUid(),
                    a.transferSyntaxUid());
        }
        return Verdict.notCompliant(verdict.reasonCode(), verdict.message());
    }
}
