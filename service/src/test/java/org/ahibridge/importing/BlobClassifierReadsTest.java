package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.ahibridge.dicom.p10.P10Bytes;
import org.ahibridge.dicom.p10.P10Classifier;
import org.ahibridge.ledger.Verdict;
import org.ahibridge.storage.BlobInfo;
import org.ahibridge.storage.BlobStore;
import org.ahibridge.storage.FileBlobStore;
import org.ahibridge.storage.ListPage;
import org.ahibridge.storage.TaggingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classification of a stored object reads its header only (PS3.10 §7.1), however large the pixel data:
 * the regression guard for issue 4 acceptance 5 (the numbers are in BENCHMARKS.md).
 */
class BlobClassifierReadsTest {

    private static final long PIXEL_BYTES = 1L << 30;

    @TempDir
    Path root;

    @Test
    void shouldReadOnlyTheFirstRangeOfAGibibyteObject() throws IOException {
        byte[] header = P10Bytes.validHeader().header(0x7FE00010, "OW", PIXEL_BYTES).bytes();
        Path file = root.resolve("big.dcm");
        Files.write(file, header);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(header.length + PIXEL_BYTES);
        }
        CountingStore store = new CountingStore(new FileBlobStore(root));

        Verdict verdict = new BlobClassifier(new P10Classifier()).classify(store, "big.dcm", Files.size(file));

        assertThat(verdict.compliant()).as(verdict.reason() + ": " + verdict.message()).isTrue();
        assertThat(store.asked.get()).isEqualTo(BlobClassifier.FIRST_RANGE);
        assertThat(store.read.get()).isPositive().isLessThanOrEqualTo(BlobClassifier.FIRST_RANGE);
        assertThat(store.fullOpens.get()).isZero();
    }

    /** Counts what is asked for with ranged reads, what is read from them, and whole-object opens. */
    private static final class CountingStore implements BlobStore {
        final BlobStore delegate;
        final AtomicLong asked = new AtomicLong();
        final AtomicLong read = new AtomicLong();
        final AtomicLong fullOpens = new AtomicLong();

        CountingStore(BlobStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public InputStream openRange(String key, long from, long to) {
            asked.addAndGet(to - from);
            return new FilterInputStream(delegate.openRange(key, from, to)) {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    read.addAndGet(Math.max(n, 0));
                    return n;
                }

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    read.addAndGet(b < 0 ? 0 : 1);
                    return b;
                }
            };
        }

        @Override
        public InputStream open(String key) {
            fullOpens.incrementAndGet();
            return delegate.open(key);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public ListPage list(String prefix, String token, int maxKeys) {
            return delegate.list(prefix, token, maxKeys);
        }

        @Override
        public Optional<BlobInfo> stat(String key) {
            return delegate.stat(key);
        }

        @Override
        public BlobInfo write(String key, InputStream content, long size) {
            return delegate.write(key, content, size);
        }

        @Override
        public boolean copyServerSide(BlobStore source, String sourceKey, String targetKey) {
            return delegate.copyServerSide(source, sourceKey, targetKey);
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }

        @Override
        public TaggingResult tag(String key, Map<String, String> tags) {
            return delegate.tag(key, tags);
        }
    }
}
