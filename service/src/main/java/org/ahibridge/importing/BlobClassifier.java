package org.ahibridge.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ahibridge.dicom.p10.P10Attributes;
import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.dicom.p10.P10Reason;
import org.ahibridge.dicom.p10.P10Verdict;
import org.ahibridge.ledger.SourceObject;
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

    /** The verdict of one object of {@link #classifyAll}, or why it could not be read. */
    public record Classified(Verdict verdict, RuntimeException failure) {
    }

    /**
     * Classifies many objects of one store with up to {@code concurrency} ranged reads in flight: against S3 each
     * read is a round trip of tens of milliseconds, so one at a time would bound a listing page by latency, not
     * by work. Returns every object's verdict or failure, by object id, in the order given; it never throws for
     * one object.
     */
    public Map<Long, Classified> classifyAll(BlobStore store, List<SourceObject> objects, int concurrency) {
        Map<Long, Classified> results = new LinkedHashMap<>();
        try (ParallelCalls<SourceObject, Classified> reads = new ParallelCalls<>("classify", concurrency)) {
            for (SourceObject object : objects) {
                reads.submit(object, () -> classifyOrFailure(store, object));
            }
            reads.awaitAll();
            Map<Long, Classified> done = new HashMap<>();
            reads.take().forEach(d -> done.put(d.item().id(), d.result()));
            objects.forEach(o -> results.put(o.id(), done.get(o.id())));
        }
        return results;
    }

    private Classified classifyOrFailure(BlobStore store, SourceObject object) {
        try {
            return new Classified(classify(store, object.key(), object.size()), null);
        } catch (IOException e) {
            return new Classified(null, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            return new Classified(null, e);
        }
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
